using VisMooc.Generated;
using VisMooc.Modules.Schema;

namespace VisMooc.Tests.Support;

/// <summary>The tables a conversion writes without tracking logs: every declared table but <c>click_events</c>.</summary>
internal static class TablesWithoutLogs
{
    public static IReadOnlyList<TableDescriptor> All { get; } = GeneratedTables.All.Where(t => t.Info.Input.Format != InputFormat.TrackingLog).ToList();
}
