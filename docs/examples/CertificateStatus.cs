using System;
using System.ComponentModel;
using VisMooc.Modules.Inputs;
using VisMooc.Modules.Output;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Tables;

/// <summary><c>certificate_status</c>: one row per certificate, with its status and whether it counts as passed.</summary>
[VisMoocTable("certificate_status", typeof(CertificatesGeneratedCertificateInput), Order = 9, KeyFields = "id")]
[Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
[Column("user_id", SqlType.Varchar, 11, From = "user_id")]
[Column("course_id", SqlType.Varchar, 255, From = "course_id")]
[Column("status", SqlType.Varchar, 32, From = "status")]
[Column("passed", SqlType.TinyInt, From = "status", Convert = nameof(Passed))]
[Column("modified", SqlType.Datetime, Nullable = true, From = "modified_date", Convert = "DateTimeUtc")]
public sealed partial class CertificateStatus
{
    /// <summary>1 for the statuses edX gives a learner who passed, else 0.</summary>
    [Description("1 when status is downloadable, audit_passing or honor_passing, else 0")]
    public static void Passed(CellWriter cell, FieldValue status)
    {
        bool passed = status.Utf8.SequenceEqual("downloadable"u8) || status.Utf8.SequenceEqual("audit_passing"u8)
            || status.Utf8.SequenceEqual("honor_passing"u8);
        cell.WriteText(passed ? "1"u8 : "0"u8);
    }
}
