namespace VisMooc.Modules.Schema;

/// <summary>What a column means to the pipeline beyond its value: the cross-file checks use it.</summary>
public enum ColumnRole
{
    /// <summary>Nothing the pipeline checks across files.</summary>
    None = 0,
    /// <summary>A learner's user id (<c>auth_user.id</c>): counted per course, and checked against <see cref="ColumnAttribute.References"/> when set.</summary>
    UserId = 1,
    /// <summary>The course id of the row: compared with the package's own course.</summary>
    CourseId = 2,
    /// <summary>
    /// A learner's username (<c>auth_user.username</c>), written as its pseudonym: counted per course
    /// (as a 64-bit hash of the value the pseudonym is made from), and checked against the column of the
    /// same role in <see cref="ColumnAttribute.References"/> when set.
    /// </summary>
    Username = 3,
}
