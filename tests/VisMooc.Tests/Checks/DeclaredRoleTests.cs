using VisMooc.Generated;
using VisMooc.Modules.Checks;
using VisMooc.Modules.Schema;

namespace VisMooc.Tests.Checks;

/// <summary>Issue 13: the cross-file checks read what columns mean from the declarations, not from lists of table or field names.</summary>
public sealed class DeclaredRoleTests
{
    [Fact]
    public void EveryReferenceIsAUserIdOrUsernameColumnNamingADeclaredTableThatHasTheSameRoleAndAFinding()
    {
        var tables = GeneratedTables.All.Select(t => t.Info).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var references = tables.Values.SelectMany(t => t.Columns.Where(c => c.References.Length > 0).Select(c => (Table: t, Column: c))).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            Assert.Contains(r.Column.Role, new[] { ColumnRole.UserId, ColumnRole.Username });
            Assert.NotEmpty(r.Column.Finding);
            Assert.True(tables.TryGetValue(r.Column.References, out var referenced), $"{r.Table.Name}.{r.Column.Name} references no declared table '{r.Column.References}'");
            var fields = CrossFileChecks.Fields(referenced!);
            Assert.True((r.Column.Role == ColumnRole.UserId ? fields.User : fields.Username) >= 0, $"{r.Column.References} declares no {r.Column.Role} column");
        });
    }

    [Fact]
    public void TheObservedFieldsAreTheFirstSourceFieldsOfTheColumnsWithThoseRoles()
    {
        foreach (var table in GeneratedTables.All.Select(t => t.Info))
        {
            int Expected(ColumnRole role) => table.Columns.FirstOrDefault(c => c.Role == role) is ColumnInfo c ? table.SourceFields.ToList().IndexOf(c.SourceFields[0]) : -1;

            Assert.Equal((Expected(ColumnRole.UserId), Expected(ColumnRole.CourseId), Expected(ColumnRole.Username)), CrossFileChecks.Fields(table));
        }
    }
}
