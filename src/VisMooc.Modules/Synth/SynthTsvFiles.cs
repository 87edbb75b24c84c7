namespace VisMooc.Modules.Synth;

/// <summary>
/// The four <c>.sql</c> (TSV) files: auth_user in user-id order, profiles, enrollments and
/// certificates each in an order of their own (the exporter had no ORDER BY), with both eras'
/// headers and escapes.
/// </summary>
internal sealed class SynthTsvFiles(SynthOptions options, SynthCourse course)
{
    private const long ProfileIdBase = 40_000;
    private const long EnrollmentIdBase = 2_000_000;
    private const long CertificateIdBase = 900_000;

    private readonly SynthStyle _style = options.Style;
    private readonly ulong _seed = options.Seed;
    private readonly long _n = options.Learners;

    /// <summary>auth_user: one row per learner, in user-id order. Returns the rows written.</summary>
    public long WriteAuthUser(SynthTextWriter w)
    {
        w.Raw("id\tusername\tfirst_name\tlast_name\temail\tpassword\tis_staff\tis_active\tis_superuser\tlast_login\tdate_joined\tstatus\temail_key\t"
            + (_style == SynthStyle.Old ? "avatar_typ" : "avatar_type")
            + "\tcountry\tshow_country\tdate_of_birth\tinteresting_tags\tignored_tags\temail_tag_filter_strategy\tdisplay_tag_filter_strategy\tconsecutive_days_visit_count\n");
        for (long i = 0; i < _n; i++)
        {
            var learner = SynthLearner.Of(_seed, course, i);
            w.Int(learner.UserId);
            w.Tab();
            w.Tsv(learner.Username);
            w.Raw("\t\t\t");
            w.Tsv(learner.Email);
            w.Raw("\t\t0\t");
            w.Raw(learner.Index % 97 == 5 ? '0' : '1');
            w.Raw("\t0\t");
            w.TsvDateTime(learner.LastLogin);
            w.Tab();
            w.TsvDateTime(learner.Joined);
            w.Raw(_style == SynthStyle.Old ? "\t\tNULL\t\t\t0\tNULL\t\t\t1\t0\t0\n" : "\t\tNULL\t\t\t0\tNULL\t\t\t0\t0\t0\n");
        }

        return _n;
    }

    /// <summary>auth_userprofile: in profile-id order, which is not auth_user's order; a few learners have none.</summary>
    public long WriteProfiles(SynthTextWriter w)
    {
        bool old = _style == SynthStyle.Old;
        w.Raw(old
            ? "id\tuser_id\tname\tlanguage\tlocation\tmeta\tcourseware\tgender\tmailing_address\tyear_of_birth\tlevel_of_education\tgoals\tallow_certificate\tcountry\tcity\tbio\tprofile_image_uploaded_at\n"
            : "id\tuser_id\tname\tlanguage\tlocation\tmeta\tcourseware\tgender\tmailing_address\tyear_of_birth\tlevel_of_education\tgoals\tcountry\tcity\tbio\tprofile_image_uploaded_at\tstate\n");
        var order = new SynthPermutation(_n, 0.3819660113, 7);
        long rows = 0;
        for (long p = 0; p < _n; p++)
        {
            var learner = SynthLearner.Of(_seed, course, order[p]);
            if (!learner.HasProfile)
            {
                continue;
            }

            var r = new SynthRandom(_seed, SynthStream.Profile, learner.Index);
            w.Int(ProfileIdBase + p);
            w.Tab();
            w.Int(learner.UserId);
            w.Tab();
            w.Tsv(learner.Name);
            w.Raw(r.Chance(1) ? "\ten\t" : "\t\t");
            w.Raw(r.Chance(1) ? "Hong Kong\t" : "\t");
            w.Tsv(r.Below(20) switch
            {
                < 3 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{{\"old_names\": [[\"{r.Pick(SynthPools.LatinFirst)} {r.Pick(SynthPools.LatinLast)}\", \"typo\", \"{learner.Joined.AddDays(3):yyyy-MM-ddTHH:mm:ss.ffffff}\"]]}}"),
                3 => "{}",
                4 when old => "{\"6002x_exit_response\": {\"rating\": [\"4\"], \"teach_ee\": [\"false\"]}}",
                _ => "",
            });
            w.Raw("\tcourse.xml\t");
            w.Tsv(r.Below(20) switch { < 9 => "m", < 17 => "f", 17 => "o", 18 => "", _ => null });
            w.Tab();
            w.Tsv(old && r.Chance(8) ? r.Pick(SynthPools.Addresses) : old && r.Chance(50) ? "" : null);
            w.Tab();
            if (r.Chance(7))
            {
                w.Raw("NULL");
            }
            else
            {
                w.Int(r.Between(1940, 2004));
            }

            w.Tab();
            w.Tsv(r.Chance(6) ? null : r.Pick(SynthPools.Education));
            w.Tab();
            w.Tsv(r.Below(10) switch
            {
                < 2 => "",
                2 => null,
                < 5 => r.Pick(SynthPools.Goals) + "\r\n" + r.Pick(SynthPools.Goals),
                9 when r.Chance(2) => "a goal with a NUL\0byte",
                _ => r.Pick(SynthPools.Goals),
            });
            w.Tab();
            if (old)
            {
                w.Raw("1\t");
            }

            w.Tsv(r.Below(20) switch { 0 => "", 1 => old ? null : "", _ => r.Pick(SynthPools.Countries) });
            w.Raw("\tNULL\t");
            w.Tsv(!old && r.Chance(5) ? "Statistician.\r\nLikes\tTSV and C:\\temp" : null);
            w.Tab();
            w.TsvDateTime(!old && r.Chance(4) ? learner.Joined.AddDays(1) : null);
            if (!old)
            {
                w.Raw("\tNULL");
            }

            w.EndLine();
            rows++;
        }

        return rows;
    }

    /// <summary>student_courseenrollment: one row per learner, in enrollment-id order.</summary>
    public long WriteEnrollments(SynthTextWriter w)
    {
        w.Raw("id\tuser_id\tcourse_id\tcreated\tis_active\tmode\n");
        var order = new SynthPermutation(_n, 0.2360679775, 3);
        string[] modes = _style == SynthStyle.Old ? ["honor", "honor", "honor", "audit", "verified"] : ["audit", "audit", "verified", "professional", "no-id-professional", "credit", ""];
        for (long p = 0; p < _n; p++)
        {
            long index = order[p];
            var learner = SynthLearner.Of(_seed, course, index);
            var r = new SynthRandom(_seed, SynthStream.Enrollment, index);
            w.Int(EnrollmentIdBase + (p * 2) + r.Below(2));
            w.Tab();
            w.Int(learner.UserId);
            w.Tab();
            w.Tsv(course.CourseId);
            w.Tab();
            w.TsvDateTime(r.Chance(0.1) ? null : Max(learner.Joined, course.Start.AddDays(-120)).AddSeconds(r.BelowLong(60L * 86400)).AddTicks(r.Chance(50) ? r.Below(1_000_000) * 10 : 0));
            w.Raw(r.Chance(90) ? "\t1\t" : "\t0\t");
            w.Tsv(r.Pick(modes));
            w.EndLine();
        }

        return _n;
    }

    /// <summary>certificates_generatedcertificate: about 30% of learners, in an order of its own.</summary>
    public long WriteCertificates(SynthTextWriter w)
    {
        w.Raw("id\tuser_id\tdownload_url\tgrade\tcourse_id\tkey\tdistinction\tstatus\tverify_uuid\tdownload_uuid\tname\tcreated_date\tmodified_date\terror_reason\tmode\n");
        var order = new SynthPermutation(_n, 0.1458980338, 11);
        string[] grades = ["0.0", "0.0", "0.02", "0.12", "0.2", "0.31", "0.4", "0.5", "0.55", "0.64", "0.7", "0.76", "0.87", "0.8700000000000001", "0.93", "1.0", ""];
        long rows = 0;
        for (long p = 0; p < _n; p++)
        {
            long index = order[p];
            var r = new SynthRandom(_seed, SynthStream.Certificate, index);
            if (!r.Chance(30))
            {
                continue;
            }

            var learner = SynthLearner.Of(_seed, course, index);
            string grade = r.Pick(grades);
            bool passed = grade.Length > 0 && double.Parse(grade, System.Globalization.CultureInfo.InvariantCulture) >= 0.6;
            string status = passed ? "downloadable" : _style == SynthStyle.New && r.Chance(40) ? "audit_notpassing" : "notpassing";
            string uuid = SynthCourse.Hex32(ref r);
            w.Int(CertificateIdBase + rows);
            w.Tab();
            w.Int(learner.UserId);
            w.Tab();
            w.Tsv(passed ? $"https://verify.example.org/downloads/{uuid}/Certificate.pdf" : "");
            w.Tab();
            w.Tsv(grade);
            w.Tab();
            w.Tsv(course.CourseId);
            w.Tab();
            w.Tsv(passed ? SynthCourse.Hex32(ref r) : "");
            w.Raw("\t0\t");
            w.Tsv(status);
            w.Tab();
            w.Tsv(passed ? SynthCourse.Hex32(ref r) : "");
            w.Tab();
            w.Tsv(passed ? uuid : "");
            w.Tab();
            w.Tsv(learner.Name ?? "");
            w.Tab();
            var created = course.End.AddDays(2).AddSeconds(r.BelowLong(5L * 86400));
            w.TsvDateTime(created);
            w.Tab();
            w.TsvDateTime(r.Chance(70) ? created : created.AddSeconds(r.BelowLong(30L * 86400)).AddTicks(r.Below(1_000_000) * 10));
            w.Raw("\t\t");
            w.Tsv(passed ? "verified" : "honor");
            w.EndLine();
            rows++;
        }

        return rows;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
