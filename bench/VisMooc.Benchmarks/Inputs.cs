using System.Globalization;
using System.Text;

namespace VisMooc.Benchmarks;

/// <summary>Deterministic in-memory inputs shaped like edX package rows.</summary>
internal static class Inputs
{
    public static byte[] ProfileTsv(int rows)
    {
        var text = new StringBuilder("id\tuser_id\tname\tlanguage\tlocation\tmeta\tcourseware\tgender\tmailing_address\tyear_of_birth\tlevel_of_education\tgoals\tcountry\tcity\tbio\tprofile_image_uploaded_at\tstate\n");
        for (int i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i + 50}\t{7000000 + i}\tLearner Nº{i} 学生\t\t\t{{\"old_names\": []}}\tcourse.xml\tf\tNULL\t1985\tm\tlearn data\\r\\nand stats, with a \\\\ and a \\t tab {i}\tZZ\tNULL\tNULL\tNULL\tNULL\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] ForumLines(int documents)
    {
        var text = new StringBuilder();
        for (int i = 0; i < documents; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"_id\":{{\"$oid\":\"6a{i:x22}\"}},\"_type\":\"Comment\",\"author_id\":\"{7000000 + i}\",\"body\":\"Is $\\\\frac{{a}}{{b}}$ right?\\nSee \\\\cite{{x}} — ünïcode {i}\",\"course_id\":\"course-v1:SynthX+DS101+2099_T1\",\"comment_thread_id\":{{\"$oid\":\"6a0000000000000000000001\"}},\"parent_ids\":[],\"created_at\":{{\"$date\":{4076386200000L + i}}},\"updated_at\":{{\"$date\":\"2099-03-05T10:00:00.000Z\"}},\"votes\":{{\"up\":[],\"down\":[],\"up_count\":0}}}}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
