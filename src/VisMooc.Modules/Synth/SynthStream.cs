namespace VisMooc.Modules.Synth;

/// <summary>Independent random streams of the generator (a learner's attributes, each file's own choices).</summary>
public enum SynthStream : ulong
{
    /// <summary>Who a learner is: ids, names, dates.</summary>
    Learner = 1,
    /// <summary>A learner's profile answers.</summary>
    Profile = 2,
    /// <summary>A learner's enrollment.</summary>
    Enrollment = 3,
    /// <summary>A learner's certificate.</summary>
    Certificate = 4,
    /// <summary>One forum document.</summary>
    Forum = 5,
    /// <summary>The course tree.</summary>
    Course = 6,
    /// <summary>Whether a learner is active on a day of the tracking logs (index: learner × 1024 + day).</summary>
    EventDay = 7,
    /// <summary>One session of the tracking logs (index: learner × 1024 + day, then the session).</summary>
    EventSession = 8,
    /// <summary>A day file's own choices (index: the day).</summary>
    EventFile = 9,
}
