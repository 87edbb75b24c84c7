using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Inputs;

/// <summary>
/// <c>{org}-edx-events-{date}.log.gz</c>, <c>*-clickstream.log</c>, any <c>*.log</c> / <c>*.log.gz</c>: the tracking logs, one JSON
/// event per line. Organisation-wide: one daily file holds all of an org's courses, so each file is read once for all
/// courses of a run (given with <c>--events</c>, or found inside a course folder).
/// </summary>
[EdxInput("tracking_log", Extension = ".log", Format = InputFormat.TrackingLog, Scope = InputScope.Organisation, Description = "tracking logs")]
public sealed partial class TrackingLogInput;
