namespace VisMooc.Modules.Synth;

/// <summary>
/// The invented words the generator draws from: names in many scripts (right-to-left and non-BMP
/// ones too), goals with CRLF line breaks, tabs and backslashes, forum text with LaTeX and code.
/// </summary>
internal static class SynthPools
{
    public static readonly string[] AsciiFirst =
    [
        "ada", "bo", "jose", "zoe", "lukasz", "soren", "ahmed", "fatima", "minh", "chloe", "bjorn", "ana", "maria", "chen",
        "priya", "olumide", "hana", "emily", "raul", "jerome", "sofia", "mehmet", "caglar", "helene", "dmitri", "anya", "wei",
        "kenji", "yuki", "omar", "lina", "pedro", "ines", "tariq", "noor", "sven", "ingrid", "kofi", "amara", "ravi", "meera",
    ];

    public static readonly string[] LatinFirst =
    [
        "Ada", "Bo", "José", "Zoë", "Łukasz", "Søren", "Ahmed", "Fatima", "Chloé", "Björn", "Ana", "María", "Priya", "Olumide",
        "Hana", "Emily", "Raúl", "Jérôme", "Sofía", "Mehmet", "Çağlar", "Hélène", "Inês", "Tariq", "Noor", "Sven", "Ingrid",
        "Kofi", "Amara", "Ravi", "Meera", "Şebnem", "Ngọc", "Đức", "Dagný", "Eiríkur", "Ṛṣi", "François", "Zsófia", "Jiří",
    ];

    public static readonly string[] LatinLast =
    [
        "Synthetic", "Müller", "García", "Ødegaard", "Nowak", "Gonçalves", "Lau", "Ho", "van der Berg", "Kowalski", "O'Brien",
        "Nguyễn", "Trần", "Fernández", "Øvergaard", "Dvořák", "Sørensen", "Yılmaz", "Mensah", "Okafor", "Kaur", "Iyer",
        "Schäfer", "Łęcka", "Þórsson", "Häkkinen", "Nuñez", "da Silva", "Bianchi", "Kovačević", "Ștefănescu", "Petőfi",
    ];

    public static readonly string[] OtherScripts =
    [
        "陈小明", "李华", "王芳", "张伟", "刘洋", "黄丽娜", "林志强", "周杰", "吴敏", "郑婷婷",
        "Дмитрий Иванов", "Анна Смирнова", "Светлана Кузнецова", "Олег Попов", "Ирина Соколова",
        "محمد علي", "فاطمة الزهراء", "يوسف حسن", "مريم خليل",
        "Νίκος Παπαδόπουλος", "Ελένη Γεωργίου", "प्रिया शर्मा", "राहुल वर्मा", "김민준", "이서연", "佐藤 花子", "鈴木 一郎",
        "דנה כהן", "Nguyễn Thị Hồng", "Zoë 🌟 Synthetic", "𝓐𝓭𝓪 Lovelace", "Tanaka 🍣 Taro",
    ];

    public static readonly string[] Domains = ["example.com", "example.org", "example.net", "mail.example", "students.example", "edu.example"];

    public static readonly string[] Goals =
    [
        "learn data\r\nand stats",
        "Improve my statistics skills for work",
        "学习统计学\r\n然后找工作",
        "Refresh what I learned 20 years ago",
        "Get the certificate.\r\n\r\nThen the next course.",
        "Install everything under C:\\Program Files\\R and make it work",
        "Understand p-values\tand confidence intervals",
        "Je veux apprendre les statistiques.\r\nEt le R.",
        "Quiero aprender estadística para mi tesis.",
        "Выучить статистику\r\nи R",
        "أريد أن أتعلم الإحصاء",
        "1. regression\r\n2. ANOVA\r\n3. Bayes",
        "Curious 🤓",
        "NULL is not a goal",
    ];

    public static readonly string[] Addresses =
    [
        "12 Synthetic Road\r\nFlat 3\r\nHong Kong",
        "Calle Inventada 5\r\n28000 Madrid",
        "PO Box 99\r\nNowhere",
        "上海市 虚构路 8 号",
    ];

    public static readonly string[] Countries =
    [
        "US", "IN", "CN", "GB", "BR", "HK", "ES", "MX", "DE", "FR", "CA", "NG", "EG", "RU", "PK", "ID", "TR", "VN", "CO", "AU",
    ];

    public static readonly string[] Education = ["p", "m", "b", "a", "hs", "jhs", "el", "none", "other", "", "p_se", "p_oth"];

    public static readonly string[] Bodies =
    [
        "Is $\\frac{a}{b} = \\sum_{i=1}^{n} x_i$ right?",
        "I get \"C:\\Users\\learner\\stats.R not found\" when I run it.",
        "See https://example.org/stats/week1/notes.pdf for the notes.",
        "```\nfor (i in 1:n) {\n    total <- total + x[i]\n}\n```",
        "Quoted \"text\", a\ttab and a trailing backslash \\",
        "谢谢老师！这门课很好。第三周的作业有点难。",
        "Спасибо за курс! Вопрос про неделю 2.",
        "Merci beaucoup 🙏 the lectures are great.",
        "شكرا جزيلا على هذه الدورة",
        "$$\\mathbb{E}[X] = \\int_{-\\infty}^{\\infty} x f(x)\\,dx$$",
        "Why is $p < 0.05$ and not $p \\le 0.05$? The slide says \\alpha = 0.05.",
        "The regex `\\d+\\.\\d*` matched nothing. Any idea?",
        "Thanks! +1",
        "I think the answer to 3.2 is $\\hat{\\beta} = (X^T X)^{-1} X^T y$.\n\nBut the grader says no.",
        "Line one\nLine two\r\nLine three with CRLF",
        "Hello from Lagos 👋 nice to meet you all",
    ];

    public static readonly string[] Titles =
    [
        "Question about week {0}", "Hello from {1} 👋", "Problem {0}.2: why is $p < 0.05$?", "Grader bug in exercise {0}?",
        "Study group in {1}", "Video {0} has no subtitles", "\"Confidence\" vs \"credible\" interval", "学习小组 {0}",
    ];

    public static readonly string[] Places = ["Hong Kong", "São Paulo", "Lagos", "Mumbai", "Zürich", "Москва", "القاهرة", "東京", "Lima"];

    public static readonly string[] Topics =
    [
        "Introduction", "Descriptive statistics", "Probability", "Random variables", "Sampling", "Estimation", "Hypothesis tests",
        "Regression", "ANOVA", "Bayesian inference", "Résumé", "Statistik für alle", "概率论", "Итоги",
    ];
}
