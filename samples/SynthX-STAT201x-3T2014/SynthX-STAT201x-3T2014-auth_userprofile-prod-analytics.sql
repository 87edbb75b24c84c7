id	user_id	name	language	location	meta	courseware	gender	mailing_address	year_of_birth	level_of_education	goals	allow_certificate	country	city	bio	profile_image_uploaded_at
40000	100023	Ana Nuñez	en			course.xml			1982	other	Quiero aprender estadística para mi tesis.	1	AU	NULL	NULL	NULL
40001	100379	Đức O'Brien				course.xml	m		1978	m	Install everything under C:\\Program Files\\R and make it work	1	VN	NULL	NULL	NULL
40002	100736	Dagný Łęcka				course.xml	m		1958	p_se	Get the certificate.\n\nThen the next course.	1	NG	NULL	NULL	NULL
40003	100193	Jiří Ødegaard				course.xml	m	NULL	1943	a	learn data\nand stats	1	MX	NULL	NULL	NULL
40004	100550	Ingrid Łęcka				course.xml	f	NULL	1995	b	Curious 🤓\nGet the certificate.\n\nThen the next course.	1	NG	NULL	NULL	NULL
40005	100008	Ingrid Ho				course.xml	f		1976	m	学习统计学\n然后找工作	1	IN	NULL	NULL	NULL
40006	100363	Đức da Silva				course.xml	m		1962	m		1	HK	NULL	NULL	NULL
40007	100721	Çağlar Iyer				course.xml	f		1989	NULL		1	HK	NULL	NULL	NULL
40008	100179	Çağlar Trần				course.xml	o	NULL	1996	b	NULL is not a goal	1	CN	NULL	NULL	NULL
40009	100536	François Ødegaard			{"old_names": [["Çağlar Nowak", "typo", "2014-09-23T04:14:23.000000"]]}	course.xml	f		1941	none	learn data\nand stats	1	VN	NULL	NULL	NULL
40010	100893	Ṛṣi Synthetic				course.xml	m	NULL	1988	p	أريد أن أتعلم الإحصاء	1	VN	NULL	NULL	NULL
40011	100349	Mehmet van der Berg				course.xml	m		1978	m	Curious 🤓\nQuiero aprender estadística para mi tesis.	1	BR	NULL	NULL	NULL
40012	100707	Ana Kaur				course.xml	m		1987	p_se		1	GB	NULL	NULL	NULL
40013	100164	Bo Bianchi				course.xml	m	NULL	2003	a	NULL	1	AU	NULL	NULL	NULL
40014	100520	𝓐𝓭𝓪 Lovelace				course.xml	f		1994	el	Install everything under C:\\Program Files\\R and make it work\nInstall everything under C:\\Program Files\\R and make it work	1	RU	NULL	NULL	NULL
40015	100878	Jérôme da Silva			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	m		1972	p_se	NULL	1	IN	NULL	NULL	NULL
40016	100335	Дмитрий Иванов				course.xml	f	NULL	1960	a		1		NULL	NULL	NULL
40017	100691	Ṛṣi Dvořák			{"old_names": [["Ravi Nguyễn", "typo", "2012-12-15T23:57:04.834205"]]}	course.xml	o	NULL	NULL	p	Refresh what I learned 20 years ago\nQuiero aprender estadística para mi tesis.	1	GB	NULL	NULL	NULL
40018	100149	王芳			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	f	NULL	1958	other	NULL	1	RU	NULL	NULL	NULL
40019	100504					course.xml	f	NULL	1954	b	NULL	1	BR	NULL	NULL	NULL
40020	100862	Ada Dvořák			{"old_names": [["Ada Fernández", "typo", "2013-09-01T12:17:00.042300"]]}	course.xml	m	NULL	1950	jhs	1. regression\n2. ANOVA\n3. Bayes	1	DE	NULL	NULL	NULL
40021	100320	Sofía Iyer				course.xml	f		NULL	p	Refresh what I learned 20 years ago\nInstall everything under C:\\Program Files\\R and make it work	1	CN	NULL	NULL	NULL
40022	100676	Ngọc Fernández			{"old_names": [["Şebnem Dvořák", "typo", "2012-10-24T00:03:44.000000"]]}	course.xml	m		2002	m	学习统计学\n然后找工作	1	AU	NULL	NULL	NULL
40023	100133	Inês Nowak				course.xml	f	NULL	1968	b	Je veux apprendre les statistiques.\nEt le R.	1	DE	NULL	NULL	NULL
40024	100489	Fatima Synthetic				course.xml	f		1968	p_se		1	FR	NULL	NULL	NULL
40025	100848	Олег Попов				course.xml	m	NULL	1984	other	学习统计学\n然后找工作	1	RU	NULL	NULL	NULL
40026	100304	Amara Łęcka				course.xml	m		1987	none		1	EG	NULL	NULL	NULL
40027	100660	Noor Yılmaz				course.xml	m	NULL	1958		Je veux apprendre les statistiques.\nEt le R.\nGet the certificate.\n\nThen the next course.	1	US	NULL	NULL	NULL
40028	100118	François Müller				course.xml	f	Calle Inventada 5\n28000 Madrid	1980	p_oth	Je veux apprendre les statistiques.\nEt le R.	1	DE	NULL	NULL	NULL
40029	100475	Ahmed Schäfer				course.xml	f	NULL	1967	b		1	TR	NULL	NULL	NULL
40030	100833	Ingrid Ødegaard			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml			1959	a	أريد أن أتعلم الإحصاء\n学习统计学\n然后找工作	1	CA	NULL	NULL	NULL
40031	100288	Noor Kaur				course.xml	f		1966	p_oth	NULL	1		NULL	NULL	NULL
40032	100646	Kofi Øvergaard			{"old_names": [["Björn Nguyễn", "typo", "2013-04-16T16:54:18.785462"]]}	course.xml	m	NULL	1979	p		1	AU	NULL	NULL	NULL
40033	100102	周杰				course.xml	f		1999		Refresh what I learned 20 years ago	1	PK	NULL	NULL	NULL
40034	100459	Sofía Lau				course.xml	o		1941	p_se	Выучить статистику\nи R	1		NULL	NULL	NULL
40035	100817					course.xml	m	NULL	1989	b	Curious 🤓	1	CO	NULL	NULL	NULL
40036	100273	Ирина Соколова				course.xml	m	NULL	1987	p_se	1. regression\n2. ANOVA\n3. Bayes\n学习统计学\n然后找工作	1	CO	NULL	NULL	NULL
40037	100630	吴敏				course.xml	f	NULL	1985	p	Выучить статистику\nи R	1	AU	NULL	NULL	NULL
40038	100087	José Sørensen				course.xml	f		1988	p_oth	Understand p-values\tand confidence intervals\nGet the certificate.\n\nThen the next course.	1	IN	NULL	NULL	NULL
40039	100446	Анна Смирнова				course.xml	m		1984	p_se	Get the certificate.\n\nThen the next course.	1	MX	NULL	NULL	NULL
40040	100802	Fatima Iyer				course.xml	f		1983	b	NULL is not a goal	1	CN	NULL	NULL	NULL
40041	100259	李华			{"old_names": [["Noor Häkkinen", "typo", "2014-09-18T22:33:53.027662"]]}	course.xml	o		1987	a	1. regression\n2. ANOVA\n3. Bayes	1	ES	NULL	NULL	NULL
40042	100615	Hana Müller			{}	course.xml	f		1984	NULL	Curious 🤓	1	NULL	NULL	NULL	NULL
40043	100073	Ahmed Synthetic			{}	course.xml	m	NULL	1967	p_se	Install everything under C:\\Program Files\\R and make it work	1	US	NULL	NULL	NULL
40044	100430	Hana Dvořák			{"old_names": [["María Sørensen", "typo", "2014-05-24T21:48:19.148607"]]}	course.xml		NULL	1985	b	Je veux apprendre les statistiques.\nEt le R.	1	NULL	NULL	NULL	NULL
40045	100787	דנה כהן				course.xml	m	NULL	1950	p_se	Get the certificate.\n\nThen the next course.	1	ES	NULL	NULL	NULL
40046	100244	Ирина Соколова				course.xml	f		1971	p_oth		1	GB	NULL	NULL	NULL
40047	100600	Ṛṣi O'Brien			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	m	NULL	1955	other	Выучить статистику\nи R	1	DE	NULL	NULL	NULL
40048	100057	Đức Mensah			{}	course.xml	f	12 Synthetic Road\nFlat 3\nHong Kong	1949		Refresh what I learned 20 years ago\nJe veux apprendre les statistiques.\nEt le R.	1	TR	NULL	NULL	NULL
40049	100416	陈小明				course.xml	m		1992	b	Get the certificate.\n\nThen the next course.	1	CN	NULL	NULL	NULL
40050	100773	Hélène Þórsson				course.xml	m		1979	a	Curious 🤓	1	GB	NULL	NULL	NULL
40051	100229	Zoë 🌟 Synthetic			{"old_names": [["Eiríkur Müller", "typo", "2013-07-25T02:23:43.000000"]]}	course.xml	f	Calle Inventada 5\n28000 Madrid	1947	p_oth	Refresh what I learned 20 years ago	1	IN	NULL	NULL	NULL
40052	100587	Emily Øvergaard			{"old_names": [["Đức Häkkinen", "typo", "2013-01-14T13:38:37.000000"]]}	course.xml	NULL		1941	none	NULL	1	RU	NULL	NULL	NULL
40053	100042	Şebnem Dvořák				course.xml	f		1983	b	NULL is not a goal\nQuiero aprender estadística para mi tesis.	1	VN	NULL	NULL	NULL
40054	100401	Eiríkur Petőfi			{"old_names": [["Zsófia García", "typo", "2014-10-16T05:55:25.907850"]]}	course.xml	m	12 Synthetic Road\nFlat 3\nHong Kong	1998	other		1	GB	NULL	NULL	NULL
40055	100757	يوسف حسن			{"old_names": [["Søren Okafor", "typo", "2013-09-20T11:59:58.077227"]]}	course.xml	m	NULL	2001	NULL		1	FR	NULL	NULL	NULL
40056	100215	José Gonçalves			{"old_names": [["Ana Lau", "typo", "2012-10-30T02:46:37.532699"]]}	course.xml	m		1988	el	学习统计学\n然后找工作	1	ES	NULL	NULL	NULL
40057	100571	דנה כהן				course.xml			1977	el	Je veux apprendre les statistiques.\nEt le R.	1	BR	NULL	NULL	NULL
40058	100029	مريم خليل				course.xml	f		1973	a	1. regression\n2. ANOVA\n3. Bayes\nUnderstand p-values\tand confidence intervals	1	VN	NULL	NULL	NULL
40059	100385	Ada Øvergaard			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	m		1949	none	Install everything under C:\\Program Files\\R and make it work	1	ID	NULL	NULL	NULL
40060	100742	Priya Schäfer				course.xml	f	NULL	1979	b	Je veux apprendre les statistiques.\nEt le R.\nlearn data\nand stats	1	PK	NULL	NULL	NULL
40061	100200	吴敏				course.xml	o	NULL	1961	other	Quiero aprender estadística para mi tesis.	1	HK	NULL	NULL	NULL
40062	100556	张伟			{"old_names": [["Ingrid Ștefănescu", "typo", "2013-06-04T15:47:16.489213"]]}	course.xml	f		1947	b	Выучить статистику\nи R	1	IN	NULL	NULL	NULL
40063	100012	吴敏				course.xml	m		1971	jhs	Understand p-values\tand confidence intervals	1	ID	NULL	NULL	NULL
40064	100371	周杰				course.xml	m	NULL	1943	jhs	NULL is not a goal	1	FR	NULL	NULL	NULL
40065	100726	Hana Øvergaard				course.xml	m		1947	none		1	VN	NULL	NULL	NULL
40066	100184	Ingrid García			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml		NULL	1951		Curious 🤓	1	CA	NULL	NULL	NULL
40067	100541	陈小明			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	f		NULL	b	Je veux apprendre les statistiques.\nEt le R.\nВыучить статистику\nи R	1	AU	NULL	NULL	NULL
40068	100898	Emily García				course.xml	f		1980	a	Quiero aprender estadística para mi tesis.	1	CO	NULL	NULL	NULL
40069	100355	يوسف حسن				course.xml		NULL	1960	m	NULL is not a goal	1	RU	NULL	NULL	NULL
40070	100713	黄丽娜				course.xml	m		1951	other	NULL is not a goal	1	NG	NULL	NULL	NULL
40071	100170	राहुल वर्मा			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	m	NULL	1999	p_oth		1		NULL	NULL	NULL
40072	100526	Fatima Lau				course.xml	NULL		1966		Quiero aprender estadística para mi tesis.\nGet the certificate.\n\nThen the next course.	1	EG	NULL	NULL	NULL
40073	100882	Çağlar Petőfi				course.xml	m	12 Synthetic Road\nFlat 3\nHong Kong	1946	NULL	Improve my statistics skills for work	1	PK	NULL	NULL	NULL
40074	100341	Mehmet Sørensen				course.xml	m		1974		Refresh what I learned 20 years ago	1	MX	NULL	NULL	NULL
40075	100696	陈小明				course.xml	f	NULL	1979	p_oth		1	CN	NULL	NULL	NULL
40076	100155	Şebnem Petőfi				course.xml	f	NULL	1944		NULL	1	BR	NULL	NULL	NULL
40077	100510	Zoë Þórsson			{"old_names": [["Priya Łęcka", "typo", "2013-11-25T18:06:13.000000"]]}	course.xml	NULL	PO Box 99\nNowhere	1995	p	أريد أن أتعلم الإحصاء\nlearn data\nand stats	1	NG	NULL	NULL	NULL
40078	100868	이서연			{"old_names": [["Inês Häkkinen", "typo", "2014-12-01T16:38:42.959559"]]}	course.xml	f		1967		NULL	1	NG	NULL	NULL	NULL
40079	100325	Олег Попов				course.xml			1985	p_se	Curious 🤓	1	VN	NULL	NULL	NULL
40080	100681	Ahmed Ștefănescu			{"old_names": [["Hana Dvořák", "typo", "2012-10-07T06:09:34.000000"]]}	course.xml	m	NULL	1992	p	Curious 🤓\nNULL is not a goal	1	ES	NULL	NULL	NULL
40081	100139	Bo Sørensen				course.xml	m		1975	el		1	CO	NULL	NULL	NULL
40082	100497	Jérôme Þórsson				course.xml	m	12 Synthetic Road\nFlat 3\nHong Kong	1991	none	Refresh what I learned 20 years ago\nCurious 🤓	1	ID	NULL	NULL	NULL
40083	100852	Noor García				course.xml	f		1952	m	学习统计学\n然后找工作\nNULL is not a goal	1	NULL	NULL	NULL	NULL
40084	100310	Dagný Petőfi			{"old_names": [["Kofi Gonçalves", "typo", "2014-12-06T21:22:08.000000"]]}	course.xml	m		1944	a	Quiero aprender estadística para mi tesis.	1	EG	NULL	NULL	NULL
40085	100668	林志强			{"old_names": [["Fatima Kowalski", "typo", "2014-01-07T15:33:15.000000"]]}	course.xml			1991	other	Install everything under C:\\Program Files\\R and make it work	1	GB	NULL	NULL	NULL
40086	100125	María García				course.xml	f		NULL	p		1		NULL	NULL	NULL
40087	100481	Ahmed Yılmaz				course.xml	NULL	NULL	1947	none	Выучить статистику\nи R	1	NG	NULL	NULL	NULL
40088	100839	佐藤 花子				course.xml	m	NULL	1987	NULL	learn data\nand stats	1	BR	NULL	NULL	NULL
40089	100296	Meera Bianchi			{"old_names": [["Zoë Trần", "typo", "2014-10-28T04:54:11.618411"]]}	course.xml	NULL		1960	b		1	US	NULL	NULL	NULL
40090	100653	Tanaka 🍣 Taro				course.xml	f		1951	p	NULL	1	VN	NULL	NULL	NULL
40091	100110	Chloé Kowalski				course.xml	m		1968	p_oth	NULL is not a goal	1	NULL	NULL	NULL	NULL
40092	100467	林志强				course.xml	f		1958	b	NULL	1	HK	NULL	NULL	NULL
40093	100822	林志强			{"old_names": [["François da Silva", "typo", "2012-12-24T05:02:38.618225"]]}	course.xml	m	NULL	1945	p_se	Выучить статистику\nи R	1	EG	NULL	NULL	NULL
40094	100280	Ana Trần			{}	course.xml	f		1984	NULL	学习统计学\n然后找工作	1	IN	NULL	NULL	NULL
40095	100637	François Sørensen			{"old_names": [["Bo Gonçalves", "typo", "2012-11-30T08:56:13.000000"]]}	course.xml	f	NULL	1988	a	Je veux apprendre les statistiques.\nEt le R.	1	CO	NULL	NULL	NULL
40096	100094	Şebnem Ho				course.xml	f	NULL	NULL	p_se	Выучить статистику\nи R	1	GB	NULL	NULL	NULL
40097	100450	Kofi Yılmaz				course.xml	m		1993	jhs	NULL is not a goal\nCurious 🤓	1	BR	NULL	NULL	NULL
40098	100807	NULL				course.xml		NULL	1990	none	Выучить статистику\nи R	1	RU	NULL	NULL	NULL
40099	100266	Νίκος Παπαδόπουλος				course.xml	m	NULL	1947	jhs	Curious 🤓	1	CA	NULL	NULL	NULL
40100	100621	Inês Kovačević				course.xml	f		1941	a	NULL is not a goal	1	EG	NULL	NULL	NULL
40101	100079	Анна Смирнова			{}	course.xml	m	PO Box 99\nNowhere	1991	a		1	AU	NULL	NULL	NULL
40102	100436	Ana Müller				course.xml	f	NULL	1959	NULL	أريد أن أتعلم الإحصاء	1	ES	NULL	NULL	NULL
40103	100793					course.xml	m		2003	other		1	ES	NULL	NULL	NULL
40104	100249	Fatima Okafor				course.xml	m	NULL	1971	p_oth	NULL is not a goal	1	VN	NULL	NULL	NULL
40105	100608	Đức Schäfer			{"old_names": [["María Sørensen", "typo", "2014-02-14T22:20:32.000000"]]}	course.xml	f		1997	jhs	learn data\nand stats	1	MX	NULL	NULL	NULL
40106	100065	Amara Dvořák				course.xml	m		2001	b	أريد أن أتعلم الإحصاء	1	NULL	NULL	NULL	NULL
40107	100421	Priya Okafor				course.xml	f		1983	p	NULL is not a goal	1	FR	NULL	NULL	NULL
40108	100778	Ελένη Γεωργίου			{"old_names": [["François Synthetic", "typo", "2014-02-12T15:02:28.000000"]]}	course.xml	f	NULL	1979	b	Refresh what I learned 20 years ago	1	CO	NULL	NULL	NULL
40109	100235	Jérôme Müller				course.xml	f	NULL	1964	m		1	RU	NULL	NULL	NULL
40110	100592	鈴木 一郎				course.xml	m		NULL	a	Выучить статистику\nи R	1	CO	NULL	NULL	NULL
40111	100048	Chloé Fernández				course.xml	o	NULL	1959	NULL		1	FR	NULL	NULL	NULL
40112	100406	Sofía Sørensen				course.xml	o		1988		Выучить статистику\nи R	1	CO	NULL	NULL	NULL
40113	100763	𝓐𝓭𝓪 Lovelace				course.xml	o		1972	p_se	NULL is not a goal	1	AU	NULL	NULL	NULL
40114	100221	Дмитрий Иванов				course.xml	f	NULL	1961	p	Get the certificate.\n\nThen the next course.	1	NULL	NULL	NULL	NULL
40115	100578	Björn Nowak				course.xml	f		2004	p	NULL	1	DE	NULL	NULL	NULL
40116	100034	Raúl Kovačević				course.xml	f	NULL	1968	p_se	Curious 🤓	1	CN	NULL	NULL	NULL
40117	100391				{"old_names": [["Emily Kovačević", "typo", "2014-04-19T04:20:47.604026"]]}	course.xml	m		1993	b	NULL	1	NG	NULL	NULL	NULL
40118	100748	Søren Łęcka				course.xml	m		1956	NULL	Get the certificate.\n\nThen the next course.\nCurious 🤓	1	HK	NULL	NULL	NULL
40119	100204	Mehmet Łęcka			{}	course.xml	f		1971	b	Understand p-values\tand confidence intervals	1	CN	NULL	NULL	NULL
40120	100562	Светлана Кузнецова				course.xml	NULL	NULL	1959	hs		1	BR	NULL	NULL	NULL
40121	100020	Νίκος Παπαδόπουλος				course.xml	m		1964	none	Refresh what I learned 20 years ago	1	RU	NULL	NULL	NULL
40122	100377	Mehmet García				course.xml	f		1955	hs		1		NULL	NULL	NULL
40123	100733	Светлана Кузнецова			{"old_names": [["Zoë Ødegaard", "typo", "2014-06-19T05:59:02.482708"]]}	course.xml	f		1974	p	NULL	1	FR	NULL	NULL	NULL
40124	100189	Zsófia Nuñez			{"old_names": [["Ada Yılmaz", "typo", "2012-08-08T04:07:52.000000"]]}	course.xml	f		1997	p_se		1		NULL	NULL	NULL
40125	100548	مريم خليل				course.xml	f		1953	a	Curious 🤓\nRefresh what I learned 20 years ago	1	MX	NULL	NULL	NULL
40126	100003	José Dvořák				course.xml	m		1979	a	Understand p-values\tand confidence intervals	1	TR	NULL	NULL	NULL
40127	100360	김민준			{"old_names": [["Priya Petőfi", "typo", "2013-03-11T18:07:08.644200"]]}	course.xml	m	NULL	1942		Get the certificate.\n\nThen the next course.\n1. regression\n2. ANOVA\n3. Bayes	1	FR	NULL	NULL	NULL
40128	100719	Ana Kaur				course.xml	m	NULL	1972	NULL	learn data\nand stats	1	VN	NULL	NULL	NULL
40129	100174	Ada da Silva				course.xml	m	NULL	1984	b	1. regression\n2. ANOVA\n3. Bayes	1	VN	NULL	NULL	NULL
40130	100531	王芳				course.xml	f		1994	none	أريد أن أتعلم الإحصاء	1	ES	NULL	NULL	NULL
40131	100888	Björn Müller				course.xml		NULL	1979	hs	Get the certificate.\n\nThen the next course.	1	IN	NULL	NULL	NULL
40132	100345	María Nuñez			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	f		1968	p	1. regression\n2. ANOVA\n3. Bayes\nВыучить статистику\nи R	1	PK	NULL	NULL	NULL
40133	100703	François Mensah				course.xml	m	NULL	NULL	jhs		1	VN	NULL	NULL	NULL
40134	100161	Ravi Häkkinen				course.xml			2001	jhs	NULL	1	RU	NULL	NULL	NULL
40135	100516	Amara Ho			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	f	NULL	1964	jhs		1	CO	NULL	NULL	NULL
40136	100875	Olumide Synthetic				course.xml	f		2002	el	Quiero aprender estadística para mi tesis.\nUnderstand p-values\tand confidence intervals	1	ES	NULL	NULL	NULL
40137	100332	José Trần				course.xml	m		1972	a		1	NULL	NULL	NULL	NULL
40138	100687	Hélène Yılmaz				course.xml	m	Calle Inventada 5\n28000 Madrid	2000	jhs	Get the certificate.\n\nThen the next course.\nGet the certificate.\n\nThen the next course.	1	NULL	NULL	NULL	NULL
40139	100146	Çağlar Fernández			{"old_names": [["Noor Mensah", "typo", "2013-03-12T07:45:27.000000"]]}	course.xml	m		2000			1	HK	NULL	NULL	NULL
40140	100501	Ελένη Γεωργίου			{"old_names": [["Sven Kaur", "typo", "2013-05-28T15:24:41.402633"]]}	course.xml	o	NULL	1979	m	1. regression\n2. ANOVA\n3. Bayes	1	GB	NULL	NULL	NULL
40141	100858	Çağlar Schäfer				course.xml	f	NULL	1994	m		1	MX	NULL	NULL	NULL
40142	100315	राहुल वर्मा			{"old_names": [["Ahmed Ștefănescu", "typo", "2014-07-10T18:12:54.193573"]]}	course.xml	f	NULL	1952	p_oth	Get the certificate.\n\nThen the next course.	1	ID	NULL	NULL	NULL
40143	100674	李华				course.xml	m	NULL	1950	none	Understand p-values\tand confidence intervals	1	MX	NULL	NULL	NULL
40144	100130	Tariq Okafor				course.xml	f		1943	jhs	Understand p-values\tand confidence intervals\nNULL is not a goal	1	HK	NULL	NULL	NULL
40145	100488	Eiríkur Häkkinen			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	f	NULL	1975	p	NULL	1	ES	NULL	NULL	NULL
40146	100844	राहुल वर्मा				course.xml	f	上海市 虚构路 8 号	1961	hs	NULL is not a goal	1	BR	NULL	NULL	NULL
40147	100301	Jiří Ștefănescu				course.xml	m		1985	b	Improve my statistics skills for work	1	US	NULL	NULL	NULL
40148	100659					course.xml	m	NULL	1967	hs	NULL	1	MX	NULL	NULL	NULL
40149	100115	Ana Łęcka				course.xml	m	上海市 虚构路 8 号	1997	p_se		1	ID	NULL	NULL	NULL
40150	100472	Priya García				course.xml	f	NULL	NULL	hs	learn data\nand stats	1	GB	NULL	NULL	NULL
40151	100830	Olumide Lau				course.xml	f	NULL	1946		1. regression\n2. ANOVA\n3. Bayes	1	ID	NULL	NULL	NULL
40152	100287	María Nuñez			{"old_names": [["Sven Synthetic", "typo", "2013-05-02T15:32:37.168118"]]}	course.xml	f		1954	b		1	ES	NULL	NULL	NULL
40153	100644	Eiríkur Yılmaz				course.xml	f	NULL	1942	m	1. regression\n2. ANOVA\n3. Bayes	1	PK	NULL	NULL	NULL
40154	100099	Şebnem da Silva				course.xml	f		1958	hs	1. regression\n2. ANOVA\n3. Bayes	1	NULL	NULL	NULL	NULL
40155	100457	Meera Ødegaard				course.xml	f		2003	p_oth	Refresh what I learned 20 years ago	1	NULL	NULL	NULL	NULL
40156	100814	Ana van der Berg				course.xml	m	NULL	1990	b	Improve my statistics skills for work	1	MX	NULL	NULL	NULL
40157	100270	Bo Nowak				course.xml	NULL		1997	other	NULL is not a goal	1	IN	NULL	NULL	NULL
40158	100629	Zsófia Petőfi				course.xml	f	NULL	1960	hs	NULL	1	US	NULL	NULL	NULL
40159	100084	林志强				course.xml	o	NULL	1971	hs	Je veux apprendre les statistiques.\nEt le R.	1	IN	NULL	NULL	NULL
40160	100441	Zoë 🌟 Synthetic				course.xml	m	NULL	1997	NULL	NULL	1	ID	NULL	NULL	NULL
40161	100800	राहुल वर्मा				course.xml	m	上海市 虚构路 8 号	1999	none		1	MX	NULL	NULL	NULL
40162	100257	Νίκος Παπαδόπουλος				course.xml	m		1986	b	Je veux apprendre les statistiques.\nEt le R.	1		NULL	NULL	NULL
40163	100614	Jiří van der Berg				course.xml	f	NULL	1955			1	MX	NULL	NULL	NULL
40164	100071	Fatima Ødegaard				course.xml	f	NULL	2004	p	NULL is not a goal	1	PK	NULL	NULL	NULL
40165	100426	Kofi Gonçalves				course.xml	m	NULL	1976	p		1	ES	NULL	NULL	NULL
40166	100784	Zoë 🌟 Synthetic				course.xml	f	NULL	2002	m	Improve my statistics skills for work	1	US	NULL	NULL	NULL
40167	100242	Amara Synthetic			{}	course.xml	m		NULL	el		1	FR	NULL	NULL	NULL
40168	100597	María Þórsson			{"old_names": [["Ṛṣi Trần", "typo", "2014-04-10T17:49:34.000000"]]}	course.xml	f	NULL	1992	hs	NULL	1	GB	NULL	NULL	NULL
40169	100056	Jérôme Nowak				course.xml	m		1965	none	Refresh what I learned 20 years ago	1	CN	NULL	NULL	NULL
40170	100411	郑婷婷				course.xml	m	NULL	1996		أريد أن أتعلم الإحصاء	1	TR	NULL	NULL	NULL
40171	100769	Νίκος Παπαδόπουλος				course.xml	m		1981	p_oth	NULL	1	ID	NULL	NULL	NULL
40172	100226	يوسف حسن			{}	course.xml	f	NULL	1999	m	Understand p-values\tand confidence intervals	1	MX	NULL	NULL	NULL
40173	100584	𝓐𝓭𝓪 Lovelace				course.xml	f	NULL	NULL	m		1	BR	NULL	NULL	NULL
40174	100041	فاطمة الزهراء			{}	course.xml	o	NULL	1963	p	NULL	1	EG	NULL	NULL	NULL
40175	100397	李华				course.xml	f		1991	b	Get the certificate.\n\nThen the next course.	1	PK	NULL	NULL	NULL
40176	100755	Amara Müller				course.xml	m		1996	m	Выучить статистику\nи R	1	HK	NULL	NULL	NULL
40177	100210	吴敏				course.xml	f	NULL	1962	NULL	1. regression\n2. ANOVA\n3. Bayes\nUnderstand p-values\tand confidence intervals	1	AU	NULL	NULL	NULL
40178	100569	陈小明				course.xml	f	NULL	1962			1	CA	NULL	NULL	NULL
40179	100025	Tariq Kovačević				course.xml	f	NULL	1956	m	学习统计学\n然后找工作\nlearn data\nand stats	1	NULL	NULL	NULL	NULL
40180	100382	María da Silva				course.xml	NULL	NULL	1948	other	学习统计学\n然后找工作	1	TR	NULL	NULL	NULL
40181	100739	Ravi Mensah				course.xml	m	NULL	1962	other	learn data\nand stats\nlearn data\nand stats	1	NULL	NULL	NULL	NULL
40182	100195	Çağlar Yılmaz				course.xml	m		1956	p_se	NULL is not a goal\n学习统计学\n然后找工作	1	FR	NULL	NULL	NULL
40183	100552	Noor Nguyễn				course.xml		NULL	1963	el		1	NULL	NULL	NULL	NULL
40184	100011	Ravi Øvergaard				course.xml	f		NULL	other	Выучить статистику\nи R	1	GB	NULL	NULL	NULL
40185	100366	محمد علي				course.xml	f	NULL	2004	p_oth		1	CN	NULL	NULL	NULL
40186	100724	Björn O'Brien				course.xml	f	NULL	1946	a		1	ES	NULL	NULL	NULL
40187	100180	Dagný García				course.xml	m	12 Synthetic Road\nFlat 3\nHong Kong	2004		أريد أن أتعلم الإحصاء	1	ID	NULL	NULL	NULL
40188	100538	प्रिया शर्मा				course.xml	o		1952	other	NULL is not a goal	1	ID	NULL	NULL	NULL
40189	100895	Светлана Кузнецова				course.xml	f		2003	p	learn data\nand stats	1	FR	NULL	NULL	NULL
40190	100353	林志强				course.xml	m	NULL	1949		1. regression\n2. ANOVA\n3. Bayes	1	NULL	NULL	NULL	NULL
40191	100710	Fatima Ho				course.xml	o	NULL	1976	p_oth	NULL	1	US	NULL	NULL	NULL
40192	100167	Şebnem Nuñez				course.xml			NULL	NULL	学习统计学\n然后找工作	1	IN	NULL	NULL	NULL
40193	100523	Amara O'Brien				course.xml	f	NULL	1947	hs	Understand p-values\tand confidence intervals\nQuiero aprender estadística para mi tesis.	1	IN	NULL	NULL	NULL
40194	100879	Raúl O'Brien			{"old_names": [["Jérôme Synthetic", "typo", "2013-03-30T20:59:30.212637"]]}	course.xml	f	12 Synthetic Road\nFlat 3\nHong Kong	1977	other	Выучить статистику\nи R\nJe veux apprendre les statistiques.\nEt le R.	1	TR	NULL	NULL	NULL
40195	100336	Νίκος Παπαδόπουλος			{"old_names": [["Amara Fernández", "typo", "2012-10-29T07:01:06.000000"]]}	course.xml	m	NULL	1991	m	Je veux apprendre les statistiques.\nEt le R.	1	TR	NULL	NULL	NULL
40196	100694	Ελένη Γεωργίου				course.xml	f		1953		NULL is not a goal\n1. regression\n2. ANOVA\n3. Bayes	1	AU	NULL	NULL	NULL
40197	100150	Amara Ștefănescu				course.xml	m		1965		Curious 🤓	1	CN	NULL	NULL	NULL
40198	100508	Ravi Mensah			{"old_names": [["Mehmet Nguyễn", "typo", "2013-11-19T02:08:04.755245"]]}	course.xml	o	Calle Inventada 5\n28000 Madrid	1959		Je veux apprendre les statistiques.\nEt le R.	1	RU	NULL	NULL	NULL
40199	100865	Hana van der Berg				course.xml	m		1944		Quiero aprender estadística para mi tesis.\nInstall everything under C:\\Program Files\\R and make it work	1	DE	NULL	NULL	NULL
40200	100323	Ravi Gonçalves				course.xml	m	NULL	1946		Refresh what I learned 20 years ago\n学习统计学\n然后找工作	1	NULL	NULL	NULL	NULL
40201	100680	Ingrid Häkkinen				course.xml	m	NULL	1944	b		1	GB	NULL	NULL	NULL
40202	100135	Nguyễn Thị Hồng				course.xml	m	NULL	1983	a		1	IN	NULL	NULL	NULL
40203	100494	Meera Yılmaz				course.xml	m		2003	jhs	1. regression\n2. ANOVA\n3. Bayes	1		NULL	NULL	NULL
40204	100849	王芳				course.xml		12 Synthetic Road\nFlat 3\nHong Kong	1952	none	Выучить статистику\nи R	1	RU	NULL	NULL	NULL
40205	100306	张伟				course.xml	m		2001	m	learn data\nand stats	1	FR	NULL	NULL	NULL
40206	100663	प्रिया शर्मा				course.xml	m		1947	m	learn data\nand stats	1	DE	NULL	NULL	NULL
40207	100120	مريم خليل				course.xml	m		NULL	b	Understand p-values\tand confidence intervals	1	HK	NULL	NULL	NULL
40208	100479	Priya Mensah			{"old_names": [["Hana Øvergaard", "typo", "2014-01-31T05:21:31.612750"]]}	course.xml	o		1971	NULL	Understand p-values\tand confidence intervals	1	NULL	NULL	NULL	NULL
40209	100836	Dagný Sørensen			{}	course.xml			1942	p_se	NULL	1	RU	NULL	NULL	NULL
40210	100291	Светлана Кузнецова			{"old_names": [["Mehmet Yılmaz", "typo", "2014-10-01T19:05:07.489780"]]}	course.xml	m	NULL	1986	m	learn data\nand stats\n学习统计学\n然后找工作	1	VN	NULL	NULL	NULL
40211	100650	يوسف حسن			{"old_names": [["José Müller", "typo", "2013-01-23T13:45:24.988535"]]}	course.xml	f		1975	a	Quiero aprender estadística para mi tesis.\nInstall everything under C:\\Program Files\\R and make it work	1	RU	NULL	NULL	NULL
40212	100105	Ravi Yılmaz				course.xml	f	NULL	1966	other	NULL	1	NULL	NULL	NULL	NULL
40213	100462	Inês Bianchi			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	m		1986	hs	学习统计学\n然后找工作	1	NULL	NULL	NULL	NULL
40214	100821	NULL				course.xml	f	NULL	1975	NULL	learn data\nand stats	1	EG	NULL	NULL	NULL
40215	100278	Inês van der Berg				course.xml	f		1940	p_oth	1. regression\n2. ANOVA\n3. Bayes\nQuiero aprender estadística para mi tesis.	1	EG	NULL	NULL	NULL
40216	100635	María Ødegaard				course.xml	o	NULL	1967	jhs	NULL	1	MX	NULL	NULL	NULL
40217	100091	Hana Petőfi				course.xml	f		1991	b	Je veux apprendre les statistiques.\nEt le R.	1	RU	NULL	NULL	NULL
40218	100449	Meera Nowak				course.xml	o		1940	a		1	US	NULL	NULL	NULL
40219	100805	Tanaka 🍣 Taro			{}	course.xml	f		1954	jhs	Improve my statistics skills for work\n学习统计学\n然后找工作	1	DE	NULL	NULL	NULL
40220	100262					course.xml	m		1981	b	Curious 🤓\nGet the certificate.\n\nThen the next course.	1	MX	NULL	NULL	NULL
40221	100620	Mehmet Häkkinen			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	m	NULL	1945	hs	learn data\nand stats	1	DE	NULL	NULL	NULL
40222	100075	Priya O'Brien				course.xml	m	NULL	2002	m	NULL	1	CO	NULL	NULL	NULL
40223	100432	鈴木 一郎				course.xml	m	NULL	NULL	p	Quiero aprender estadística para mi tesis.	1	DE	NULL	NULL	NULL
40224	100791	Đức Þórsson				course.xml	m	NULL	NULL	p_se		1	DE	NULL	NULL	NULL
40225	100248	Eiríkur Iyer				course.xml	m		1998	el	أريد أن أتعلم الإحصاء	1	TR	NULL	NULL	NULL
40226	100604	Chloé Nguyễn				course.xml	o	PO Box 99\nNowhere	1996	a	أريد أن أتعلم الإحصاء	1	ID	NULL	NULL	NULL
40227	100061	Đức Øvergaard				course.xml	f	NULL	2003	NULL	Выучить статистику\nи R	1	VN	NULL	NULL	NULL
40228	100418	Meera Kowalski				course.xml	m		1986	none	Quiero aprender estadística para mi tesis.	1	CO	NULL	NULL	NULL
40229	100776	Kofi Mensah			{"old_names": [["Şebnem Gonçalves", "typo", "2013-03-28T03:01:34.626571"]]}	course.xml	m		1943	p	NULL is not a goal	1	NULL	NULL	NULL	NULL
40230	100233	Ahmed Lau				course.xml	f	NULL	1966	b	NULL	1	VN	NULL	NULL	NULL
40231	100590	Priya Synthetic				course.xml	f	上海市 虚构路 8 号	1961	el	1. regression\n2. ANOVA\n3. Bayes\nJe veux apprendre les statistiques.\nEt le R.	1	US	NULL	NULL	NULL
40232	100046	Sofía Kaur			{}	course.xml	m	NULL	2003	b	Quiero aprender estadística para mi tesis.\nUnderstand p-values\tand confidence intervals	1	PK	NULL	NULL	NULL
40233	100402	Şebnem Kaur				course.xml	f	NULL	1959	m		1	ID	NULL	NULL	NULL
40234	100761	Olumide van der Berg			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	m		1982	none	Get the certificate.\n\nThen the next course.	1	CO	NULL	NULL	NULL
40235	100218	黄丽娜				course.xml	m	上海市 虚构路 8 号	1991	p_se	أريد أن أتعلم الإحصاء\nCurious 🤓	1	CA	NULL	NULL	NULL
40236	100574	Ngọc Müller				course.xml	o	上海市 虚构路 8 号	1943	p_oth	Выучить статистику\nи R	1	ES	NULL	NULL	NULL
40237	100031	Kofi Nuñez				course.xml	m	NULL	1965	p_oth		1	FR	NULL	NULL	NULL
40238	100387	Ingrid da Silva				course.xml	f		1941	jhs		1	ID	NULL	NULL	NULL
40239	100746	Priya Kowalski				course.xml	m		1977	p_se	Выучить статистику\nи R	1	DE	NULL	NULL	NULL
40240	100201	Jérôme Häkkinen				course.xml	m	NULL	2004	none	Install everything under C:\\Program Files\\R and make it work	1	US	NULL	NULL	NULL
40241	100558	Fatima Bianchi				course.xml	f	NULL	1991	el	learn data\nand stats	1	IN	NULL	NULL	NULL
40242	100016	王芳				course.xml	f	NULL	1990	none	Refresh what I learned 20 years ago	1	MX	NULL	NULL	NULL
40243	100373	Дмитрий Иванов			{"old_names": [["Mehmet Trần", "typo", "2012-12-15T01:30:50.694841"]]}	course.xml	f	NULL	1991	NULL	Quiero aprender estadística para mi tesis.	1	EG	NULL	NULL	NULL
40244	100730	Björn van der Berg			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	m	NULL	1946	NULL	Install everything under C:\\Program Files\\R and make it work	1	CO	NULL	NULL	NULL
40245	100188	Tariq Gonçalves				course.xml	m	NULL	1962	none	1. regression\n2. ANOVA\n3. Bayes\nInstall everything under C:\\Program Files\\R and make it work	1	TR	NULL	NULL	NULL
40246	100545	Amara Gonçalves				course.xml	f	上海市 虚构路 8 号	1954	p_oth	Understand p-values\tand confidence intervals	1	HK	NULL	NULL	NULL
40247	100002	刘洋				course.xml	m	NULL	1941	hs	Install everything under C:\\Program Files\\R and make it work\n学习统计学\n然后找工作	1	VN	NULL	NULL	NULL
40248	100357	Bo Kovačević				course.xml	o		1978	p_oth	Improve my statistics skills for work\nInstall everything under C:\\Program Files\\R and make it work	1	PK	NULL	NULL	NULL
40249	100715	Amara Nuñez				course.xml	m		1976	hs	NULL	1	RU	NULL	NULL	NULL
40250	100173	Sven García				course.xml	f		NULL	other		1	NG	NULL	NULL	NULL
40251	100529	Zoë Synthetic				course.xml	m		1985	p	Je veux apprendre les statistiques.\nEt le R.\nJe veux apprendre les statistiques.\nEt le R.	1	IN	NULL	NULL	NULL
40252	100886	Zsófia Ødegaard				course.xml	m		1984	p	1. regression\n2. ANOVA\n3. Bayes	1	PK	NULL	NULL	NULL
40253	100344	مريم خليل				course.xml	m		2000	hs	1. regression\n2. ANOVA\n3. Bayes\nВыучить статистику\nи R	1	RU	NULL	NULL	NULL
40254	100699	Sven Łęcka				course.xml	m		NULL	NULL	أريد أن أتعلم الإحصاء\nJe veux apprendre les statistiques.\nEt le R.	1	VN	NULL	NULL	NULL
40255	100158	黄丽娜				course.xml	f	NULL	1941	el	learn data\nand stats	1	HK	NULL	NULL	NULL
40256	100514	Björn da Silva				course.xml	f	NULL	1942	p_se	NULL is not a goal	1	EG	NULL	NULL	NULL
40257	100870	Björn Müller				course.xml	NULL	NULL	1999	p	NULL is not a goal	1	MX	NULL	NULL	NULL
40258	100329	Tariq Ho				course.xml	f		1951		Get the certificate.\n\nThen the next course.\nlearn data\nand stats	1	EG	NULL	NULL	NULL
40259	100686	Amara Petőfi				course.xml	f	NULL	1996	p_oth	Je veux apprendre les statistiques.\nEt le R.\nGet the certificate.\n\nThen the next course.	1	HK	NULL	NULL	NULL
40260	100141	Zoë Okafor				course.xml	f	NULL	1950	a	Refresh what I learned 20 years ago	1	ES	NULL	NULL	NULL
40261	100498	Chloé Łęcka			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	f	NULL	1976	NULL	NULL	1	MX	NULL	NULL	NULL
40262	100857	Kofi Müller				course.xml	m	NULL	1971	p	Curious 🤓	1	NULL	NULL	NULL	NULL
40263	100312	Jiří Synthetic				course.xml	f	NULL	1948	el		1	GB	NULL	NULL	NULL
40264	100671	प्रिया शर्मा				course.xml	f		1994	p_se	Curious 🤓\nlearn data\nand stats	1	DE	NULL	NULL	NULL
40265	100126	Raúl Okafor				course.xml	o	NULL	1963	el	Quiero aprender estadística para mi tesis.	1	BR	NULL	NULL	NULL
40266	100484	𝓐𝓭𝓪 Lovelace				course.xml	f	NULL	1961	el	NULL is not a goal	1	CA	NULL	NULL	NULL
40267	100842	Raúl O'Brien			{}	course.xml	f	NULL	1972	a	Understand p-values\tand confidence intervals	1	CN	NULL	NULL	NULL
40268	100298	Dagný da Silva				course.xml	o		1982	p	Get the certificate.\n\nThen the next course.	1	NULL	NULL	NULL	NULL
40269	100656	Zsófia Kovačević				course.xml	m	NULL	2003	hs	1. regression\n2. ANOVA\n3. Bayes	1	CA	NULL	NULL	NULL
40270	100112	김민준			{"old_names": [["Fatima Ho", "typo", "2012-09-01T00:03:31.000000"]]}	course.xml		NULL	1994	b		1	ID	NULL	NULL	NULL
40271	100468	Đức Nguyễn				course.xml	m	NULL	1988	hs	Quiero aprender estadística para mi tesis.	1		NULL	NULL	NULL
40272	100826	Sven Müller				course.xml	m	NULL	1982	el	1. regression\n2. ANOVA\n3. Bayes\nNULL is not a goal	1	VN	NULL	NULL	NULL
40273	100284	José Kowalski				course.xml	m		1951	m	Install everything under C:\\Program Files\\R and make it work	1	CO	NULL	NULL	NULL
40274	100640	陈小明				course.xml	m		1978	hs	Understand p-values\tand confidence intervals	1		NULL	NULL	NULL
40275	100097	Zoë Gonçalves				course.xml	f	Calle Inventada 5\n28000 Madrid	1955	jhs	أريد أن أتعلم الإحصاء	1	FR	NULL	NULL	NULL
40276	100454	Çağlar Häkkinen				course.xml	f	PO Box 99\nNowhere	1980	NULL	NULL is not a goal\n1. regression\n2. ANOVA\n3. Bayes	1	MX	NULL	NULL	NULL
40277	100810	Şebnem Ștefănescu				course.xml	m	NULL	1983	p		1	FR	NULL	NULL	NULL
40278	100268	Светлана Кузнецова				course.xml	f		1946	NULL	Curious 🤓	1	FR	NULL	NULL	NULL
40279	100625	张伟				course.xml	f	PO Box 99\nNowhere	1957	NULL	学习统计学\n然后找工作	1	HK	NULL	NULL	NULL
40280	100083	Olumide Sørensen				course.xml	f		1956	a	学习统计学\n然后找工作	1	NULL	NULL	NULL	NULL
40281	100438	يوسف حسن	en		{"old_names": [["Ngọc Fernández", "typo", "2013-10-25T14:36:44.211314"]]}	course.xml	o	NULL	1973			1	RU	NULL	NULL	NULL
40282	100795	Hélène Kowalski			{"6002x_exit_response": {"rating": ["4"], "teach_ee": ["false"]}}	course.xml	m	NULL	2002	p	Understand p-values\tand confidence intervals	1	MX	NULL	NULL	NULL
40283	100254	吴敏				course.xml	f	NULL	1960		学习统计学\n然后找工作	1	EG	NULL	NULL	NULL
40284	100611	Meera Okafor				course.xml	f	PO Box 99\nNowhere	1979	other		1	IN	NULL	NULL	NULL
40285	100068	Ana Häkkinen				course.xml	o	NULL	1948	hs	NULL is not a goal	1	IN	NULL	NULL	NULL
40286	100423	Светлана Кузнецова				course.xml	NULL	NULL	1974	p_se	Выучить статистику\nи R	1	RU	NULL	NULL	NULL
40287	100781	Łukasz Gonçalves			{"old_names": [["Ṛṣi García", "typo", "2013-01-09T06:22:27.139845"]]}	course.xml	m		1993	el		1	ID	NULL	NULL	NULL
40288	100238	Jiří Ho				course.xml	m		1960	other		1	FR	NULL	NULL	NULL
40289	100595	Zsófia Kowalski				course.xml	f	NULL	1964	m	Install everything under C:\\Program Files\\R and make it work\nQuiero aprender estadística para mi tesis.	1	US	NULL	NULL	NULL
40290	100052	Noor Sørensen				course.xml	m	NULL	1981	hs	أريد أن أتعلم الإحصاء\nNULL is not a goal	1	CO	NULL	NULL	NULL
40291	100410	Ṛṣi da Silva			{"old_names": [["Raúl Häkkinen", "typo", "2012-09-14T07:43:56.875518"]]}	course.xml	m	PO Box 99\nNowhere	1993	none	Quiero aprender estadística para mi tesis.\nQuiero aprender estadística para mi tesis.	1	AU	NULL	NULL	NULL
40292	100766	Sofía Synthetic				course.xml		NULL	1965	jhs	learn data\nand stats	1	NULL	NULL	NULL	NULL
40293	100223	Meera van der Berg			{"old_names": [["Ngọc Ho", "typo", "2013-03-14T04:53:43.000000"]]}	course.xml	m	NULL	1971	hs		1	CN	NULL	NULL	NULL
40294	100579	Inês Okafor				course.xml	m		1987	m	أريد أن أتعلم الإحصاء	1	HK	NULL	NULL	NULL
40295	100038	Zsófia Bianchi				course.xml	f	12 Synthetic Road\nFlat 3\nHong Kong	1945	a	learn data\nand stats\n1. regression\n2. ANOVA\n3. Bayes	1	ID	NULL	NULL	NULL
40296	100394	Dagný Kovačević				course.xml	m	NULL	2000	NULL	Refresh what I learned 20 years ago	1	CN	NULL	NULL	NULL
40297	100752	Noor Nguyễn				course.xml	f		1974	a		1	RU	NULL	NULL	NULL
40298	100208	Sven Łęcka				course.xml	m	NULL	1953	other	1. regression\n2. ANOVA\n3. Bayes\nUnderstand p-values\tand confidence intervals	1	BR	NULL	NULL	NULL
40299	100564	周杰				course.xml	f	NULL	1950	a	Understand p-values\tand confidence intervals\nGet the certificate.\n\nThen the next course.	1	VN	NULL	NULL	NULL
