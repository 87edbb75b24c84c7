using System.Globalization;

namespace VisMooc.Modules.Synth;

/// <summary>
/// The forum <c>.mongo</c> dump: threads, responses and replies interleaved (a child can come before
/// its parent), all three <c>$date</c> shapes, bodies with LaTeX, backslashes, code, quotes and
/// non-BMP text, and some authors (staff) who are not in auth_user.
/// </summary>
internal sealed class SynthForumFile(SynthOptions options, SynthCourse course)
{
    private readonly ulong _seed = options.Seed;
    private readonly long _learners = options.Learners;
    private readonly bool _old = options.Style == SynthStyle.Old;

    /// <summary>Forum documents: one per five learners, at least four.</summary>
    public long Count => Math.Max(4, _learners / 5);

    private long Threads => (Count + 3) / 4;

    /// <summary>Writes every document; returns how many.</summary>
    public long Write(SynthTextWriter w)
    {
        var json = new SynthJsonWriter(w, spaced: _old, escapeSlash: _old);
        for (long k = 0; k < Count; k++)
        {
            json.BeginDocument();
            WriteDocument(json, k);
            w.EndLine();
        }

        return Count;
    }

    private void WriteDocument(SynthJsonWriter j, long k)
    {
        var r = new SynthRandom(_seed, SynthStream.Forum, k);
        r.Next(); // the first draw is the thread offset (ThreadOf)
        int kind = (int)(k % 4);
        bool thread = kind == 0;
        long created = CreatedMs(k, ref r);
        long updated = r.Chance(80) ? created : created + r.BelowLong(3L * 86400 * 1000);

        j.StartObject();
        j.Oid("_id", Oid(k));
        j.Name("votes");
        j.StartObject();
        if (r.Chance(20))
        {
            j.Name("up");
            j.StartArray();
            j.String(UserId(ref r).ToString(CultureInfo.InvariantCulture));
            j.EndArray();
            j.EmptyArray("down");
            j.Literal("up_count", "1");
            j.Literal("down_count", "0");
            j.Literal("count", "1");
            j.Literal("point", "1");
        }
        else
        {
            j.EmptyArray("up");
            j.EmptyArray("down");
            j.Literal("up_count", "0");
            j.Literal("down_count", "0");
            j.Literal("count", "0");
            j.Literal("point", "0");
        }

        j.EndObject();
        j.Literal("visible", "true");
        j.EmptyArray("abuse_flaggers");
        j.EmptyArray("historical_abuse_flaggers");
        if (thread)
        {
            if (!_old || r.Chance(70))
            {
                j.String("thread_type", r.Chance(70) ? "discussion" : "question");
            }

            j.String("context", "course");
            j.Number("comment_count", r.Below(6));
        }
        else
        {
            if (kind == 3)
            {
                j.Name("parent_ids");
                j.StartArray();
                j.StartObject();
                j.String("$oid", Oid(ParentOf(k)));
                j.EndObject();
                j.EndArray();
            }
            else
            {
                j.EmptyArray("parent_ids");
            }
        }

        j.EmptyArray("at_position_list");
        if (thread)
        {
            j.String("title", string.Format(CultureInfo.InvariantCulture, r.Pick(SynthPools.Titles), 1 + (k % 12), r.Pick(SynthPools.Places)));
        }

        j.String("body", Body(ref r));
        j.String("course_id", course.CourseId);
        if (thread)
        {
            j.String("commentable_id", r.Chance(50) ? $"i4x-{course.Org}-{course.Number}-course-{course.Run}" : SynthCourse.Hex32(ref r)[..8]);
        }

        j.String("_type", thread ? "CommentThread" : "Comment");
        if (!thread)
        {
            j.Literal("endorsed", kind != 3 && r.Chance(5) ? "true" : "false");
        }

        j.Literal("anonymous", r.Chance(3) ? "true" : "false");
        j.Literal("anonymous_to_peers", "false");
        if (thread)
        {
            j.Literal("closed", r.Chance(2) ? "true" : "false");
        }

        var (authorId, authorName) = Author(ref r);
        j.String("author_id", authorId.ToString(CultureInfo.InvariantCulture));
        if (!thread)
        {
            long parent = kind == 3 ? ParentOf(k) : -1;
            j.Oid("comment_thread_id", Oid(4 * ThreadOf(kind == 3 ? parent : k)));
            if (kind == 3)
            {
                j.Oid("parent_id", Oid(parent));
            }

            j.String("author_username", authorName);
            j.String("sk", kind == 3 ? Oid(parent) + "-" + Oid(k) : Oid(k));
            if (kind != 3 && r.Chance(3))
            {
                j.Name("endorsement");
                j.StartObject();
                j.String("user_id", UserId(ref r).ToString(CultureInfo.InvariantCulture));
                Date(j, "time", updated + 60_000, ref r);
                j.EndObject();
            }
        }
        else
        {
            j.String("author_username", authorName);
        }

        Date(j, "updated_at", updated, ref r);
        Date(j, "created_at", created, ref r);
        if (thread)
        {
            Date(j, "last_activity_at", updated + r.BelowLong(86400_000), ref r);
        }

        j.EndObject();
    }

    /// <summary>The thread document index a comment document belongs to (its first random draw, ±2 threads).</summary>
    private long ThreadOf(long doc)
    {
        var r = new SynthRandom(_seed, SynthStream.Forum, doc);
        return Math.Clamp((doc / 4) + r.Between(-2, 2), 0, Threads - 1);
    }

    /// <summary>A reply's parent: the first response of its block of four documents.</summary>
    private static long ParentOf(long reply) => (4 * (reply / 4)) + 1;

    private long CreatedMs(long k, ref SynthRandom r)
    {
        long start = new DateTimeOffset(course.Start).ToUnixTimeMilliseconds();
        long span = (long)(course.End - course.Start).TotalMilliseconds;
        long at = start + (long)((double)span * k / Count) + r.BelowLong(6L * 3600 * 1000);
        return at;
    }

    /// <summary>A classic ObjectId: 4-byte seconds, 5 bytes of machine and process, 3-byte counter.</summary>
    private string Oid(long k)
    {
        var r = new SynthRandom(_seed, SynthStream.Forum, k);
        r.Next();
        long seconds = CreatedMs(k, ref r) / 1000;
        ulong machine = new SynthRandom(_seed, SynthStream.Forum, -1).Next();
        return string.Create(CultureInfo.InvariantCulture, $"{(uint)seconds:x8}{machine & 0xFFFFFFFFFF:x10}{k & 0xFFFFFF:x6}");
    }

    private long UserId(ref SynthRandom r) => SynthLearner.UserIdOf(_seed, options.Style, r.BelowLong(_learners));

    private (long Id, string Username) Author(ref SynthRandom r)
    {
        if (r.Chance(2))
        {
            long staff = r.Between(1, 40);
            return (staff, "staff_" + staff.ToString(CultureInfo.InvariantCulture));
        }

        var learner = SynthLearner.Of(_seed, course, r.BelowLong(_learners));
        return (learner.UserId, learner.Username);
    }

    private string Body(ref SynthRandom r)
    {
        int parts = r.Between(1, 4);
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < parts; i++)
        {
            if (i > 0)
            {
                text.Append(r.Chance(50) ? "\n\n" : " ");
            }

            text.Append(r.Pick(SynthPools.Bodies));
        }

        if (r.Chance(2))
        {
            // A long post: a pasted transcript or code listing.
            for (int i = 0; i < 30; i++)
            {
                text.Append('\n').Append(r.Pick(SynthPools.Bodies));
            }
        }

        return text.ToString();
    }

    /// <summary>A <c>$date</c> in one of its shapes: epoch ms, ISO with <c>Z</c>, ISO with <c>+0000</c>, or <c>$numberLong</c>.</summary>
    private void Date(SynthJsonWriter j, string name, long ms, ref SynthRandom r)
    {
        int shape = r.Below(20);
        int[] weights = _old ? [14, 3, 2] : [2, 9, 8];
        j.Name(name);
        j.StartObject();
        var utc = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
        if (shape < weights[0])
        {
            j.Literal("$date", ms.ToString(CultureInfo.InvariantCulture));
        }
        else if (shape < weights[0] + weights[1])
        {
            j.String("$date", utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        else if (shape < weights[0] + weights[1] + weights[2])
        {
            j.String("$date", utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture));
        }
        else
        {
            j.Name("$date");
            j.StartObject();
            j.String("$numberLong", ms.ToString(CultureInfo.InvariantCulture));
            j.EndObject();
        }

        j.EndObject();
    }
}
