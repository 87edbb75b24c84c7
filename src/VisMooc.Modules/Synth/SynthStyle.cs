namespace VisMooc.Modules.Synth;

/// <summary>Which era of edX package to imitate.</summary>
public enum SynthStyle
{
    /// <summary>2014-15: mysql CLI TSV (Gen A: raw CR, <c>\0</c>), slash course ids, <c>i4x://</c> keys, spaced mongoexport JSON.</summary>
    Old,
    /// <summary>2016 on: Connector/Python TSV (Gen B: <c>\r</c>, fractional datetimes), <c>course-v1:</c>/<c>block-v1:</c> keys, compact JSON.</summary>
    New,
}
