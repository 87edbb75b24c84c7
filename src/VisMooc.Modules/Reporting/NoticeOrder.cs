namespace VisMooc.Modules.Reporting;

/// <summary>
/// The order of a run's notices in the report and the summary, which must not depend on which of
/// the jobs, running in parallel, raised its notice first: the notices of the whole run as they
/// were raised (one after another, before the jobs start), then each course's in course order, by
/// input kind name, then by text. A job raises at most one notice per course and input kind, so
/// no order within a job is lost.
/// </summary>
public static class NoticeOrder
{
    private static readonly Comparer<RunNotice> s_order = Comparer<RunNotice>.Create(Compare);

    /// <summary>The texts of <paramref name="notices"/>, in report order.</summary>
    public static IReadOnlyList<string> Sort(IEnumerable<RunNotice> notices) =>
        notices.Order(s_order).Select(n => n.Text).ToList();

    private static int Compare(RunNotice a, RunNotice b)
    {
        int order = a.Course.CompareTo(b.Course);
        if (order != 0)
        {
            return order;
        }

        if (a.Course < 0)
        {
            return a.Raised.CompareTo(b.Raised);
        }

        order = string.CompareOrdinal(a.Input, b.Input);
        return order != 0 ? order : string.CompareOrdinal(a.Text, b.Text);
    }
}
