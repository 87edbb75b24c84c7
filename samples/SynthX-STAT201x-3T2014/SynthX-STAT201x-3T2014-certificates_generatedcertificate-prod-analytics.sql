id	user_id	download_url	grade	course_id	key	distinction	status	verify_uuid	download_uuid	name	created_date	modified_date	error_reason	mode
900000	100421		0.55	SynthX/STAT201x/3T2014		0	notpassing			Priya Okafor	2014-12-26 03:22:21	2014-12-26 03:22:21		honor
900001	100296	https://verify.example.org/downloads/a131a840f26a1eb6d77e5be2d7d4a374/Certificate.pdf	0.8700000000000001	SynthX/STAT201x/3T2014	0206ed17bbe5067c602700ec16a2f4ce	0	downloadable	f1f01639190a63a56d0b49f721e16a20	a131a840f26a1eb6d77e5be2d7d4a374	Meera Bianchi	2014-12-26 04:56:59	2014-12-26 04:56:59		verified
900002	100041			SynthX/STAT201x/3T2014		0	notpassing			فاطمة الزهراء	2014-12-28 08:22:26	2014-12-28 08:22:26		honor
900003	100298		0.12	SynthX/STAT201x/3T2014		0	notpassing			Dagný da Silva	2014-12-24 16:30:43	2014-12-24 16:30:43		honor
900004	100301	https://verify.example.org/downloads/c76ef533110c26cb169ab92528970938/Certificate.pdf	0.93	SynthX/STAT201x/3T2014	bd897d4cbc33ff8dc441e278a61f3158	0	downloadable	279d210e7b5b0c2173b4e4ac3c678dd0	c76ef533110c26cb169ab92528970938	Jiří Ștefănescu	2014-12-26 22:44:02	2014-12-26 22:44:02		verified
900005	100687		0.0	SynthX/STAT201x/3T2014		0	notpassing			Hélène Yılmaz	2014-12-27 11:08:53	2014-12-27 11:08:53		honor
900006	100046		0.0	SynthX/STAT201x/3T2014		0	notpassing			Sofía Kaur	2014-12-29 04:29:23	2014-12-29 04:29:23		honor
900007	100174		0.0	SynthX/STAT201x/3T2014		0	notpassing			Ada da Silva	2014-12-27 06:53:32	2014-12-27 06:53:32		honor
900008	100048		0.5	SynthX/STAT201x/3T2014		0	notpassing			Chloé Fernández	2014-12-27 01:44:31	2015-01-13 19:30:53		honor
900009	100179		0.12	SynthX/STAT201x/3T2014		0	notpassing			Çağlar Trần	2014-12-25 00:55:01	2014-12-25 00:55:01		honor
900010	100564	https://verify.example.org/downloads/29ab8afd95f3086b49e2002dfe56cc49/Certificate.pdf	0.87	SynthX/STAT201x/3T2014	3378865c3623edd3f7b8738e50a55c2b	0	downloadable	cb17371e1b47bd37ae1f3b85b4127c85	29ab8afd95f3086b49e2002dfe56cc49	周杰	2014-12-26 17:25:21	2014-12-26 17:25:21		verified
900011	100694		0.02	SynthX/STAT201x/3T2014		0	notpassing			Ελένη Γεωργίου	2014-12-28 22:29:18	2014-12-28 22:29:18		honor
900012	100438	https://verify.example.org/downloads/e13ef4c4a96a7fed6f38034205b4b03f/Certificate.pdf	0.8700000000000001	SynthX/STAT201x/3T2014	37e6846f8358ae79a6ec96ebff44a3e8	0	downloadable	91ca0dce3dddbc171d789b17f23a8d54	e13ef4c4a96a7fed6f38034205b4b03f	يوسف حسن	2014-12-24 15:25:57	2015-01-08 21:37:31		verified
900013	100696	https://verify.example.org/downloads/64d66db1b66a7b1ee8fec815e362966c/Certificate.pdf	0.76	SynthX/STAT201x/3T2014	a20fb885c2f0a41c11ed7c7fc7295167	0	downloadable	5d4d99319882bd1c0ca71c4e12bb4876	64d66db1b66a7b1ee8fec815e362966c	陈小明	2014-12-28 03:04:46	2014-12-28 03:04:46		verified
900014	100056		0.2	SynthX/STAT201x/3T2014		0	notpassing			Jérôme Nowak	2014-12-26 03:28:31	2015-01-22 14:46:34		honor
900015	100184		0.2	SynthX/STAT201x/3T2014		0	notpassing			Ingrid García	2014-12-25 05:20:26	2014-12-25 05:20:26		honor
900016	100571		0.12	SynthX/STAT201x/3T2014		0	notpassing			דנה כהן	2014-12-25 09:44:26	2015-01-04 18:14:22		honor
900017	100574	https://verify.example.org/downloads/a1872ed0e1e4499ebd8bfd9fe9213154/Certificate.pdf	1.0	SynthX/STAT201x/3T2014	b35f87fac0d0cb4b322dac5545d176ef	0	downloadable	53850fe4be87f0da94d97f853073695d	a1872ed0e1e4499ebd8bfd9fe9213154	Ngọc Müller	2014-12-28 04:16:20	2014-12-28 04:16:20		verified
900018	100703	https://verify.example.org/downloads/1c226d71fbec52f7702778b79f97e9ae/Certificate.pdf	0.93	SynthX/STAT201x/3T2014	b6a73edbaf6fa3bdac907b401bf4de69	0	downloadable	41f40e50bbd3d0cfa735269524ca395b	1c226d71fbec52f7702778b79f97e9ae	François Mensah	2014-12-25 05:18:14	2014-12-25 05:18:14		verified
900019	100061		0.0	SynthX/STAT201x/3T2014		0	notpassing			Đức Øvergaard	2014-12-25 17:58:42	2014-12-25 17:58:42		honor
900020	100189	https://verify.example.org/downloads/d36af743926d56693814b85ff9abd8f7/Certificate.pdf	1.0	SynthX/STAT201x/3T2014	3d15a17aa091123ea543d68abd253665	0	downloadable	9e928c10e471b1db4f212e72ea883781	d36af743926d56693814b85ff9abd8f7	Zsófia Nuñez	2014-12-26 04:06:42	2015-01-12 04:19:49		verified
900021	100836		0.2	SynthX/STAT201x/3T2014		0	notpassing			Dagný Sørensen	2014-12-24 12:37:59	2014-12-31 06:49:36		honor
900022	100065	https://verify.example.org/downloads/13235a7331d09b7082f38b9b67e24123/Certificate.pdf	0.76	SynthX/STAT201x/3T2014	2bfff5cc89c32c7177a9baa68abc5e17	0	downloadable	d5c2b4f9874e7dea1cefe72e4648aed5	13235a7331d09b7082f38b9b67e24123	Amara Dvořák	2014-12-25 17:01:37	2014-12-25 17:01:37		verified
900023	100323		0.4	SynthX/STAT201x/3T2014		0	notpassing			Ravi Gonçalves	2014-12-28 14:57:56	2014-12-28 14:57:56		honor
900024	100450		0.2	SynthX/STAT201x/3T2014		0	notpassing			Kofi Yılmaz	2014-12-29 07:09:13	2014-12-29 14:36:52		honor
900025	100710	https://verify.example.org/downloads/262e45a9754b31c7027963ecae28bc33/Certificate.pdf	0.87	SynthX/STAT201x/3T2014	7a5d9735af33c5bfdd13a5bb032de267	0	downloadable	d01fab3c6c715247223fcbc82c8ca181	262e45a9754b31c7027963ecae28bc33	Fatima Ho	2014-12-27 10:20:53	2015-01-16 09:55:16		verified
900026	100584		0.5	SynthX/STAT201x/3T2014		0	notpassing			𝓐𝓭𝓪 Lovelace	2014-12-28 06:56:24	2014-12-28 06:56:24		honor
900027	100713	https://verify.example.org/downloads/8bf64d70b4cd9d6be8b59a3372feef7d/Certificate.pdf	1.0	SynthX/STAT201x/3T2014	06bfb57c1c8934e0bae910d0a130356c	0	downloadable	ef7bcd938e136fa25c2fdc5b3d34a40b	8bf64d70b4cd9d6be8b59a3372feef7d	黄丽娜	2014-12-25 20:31:50	2014-12-25 20:31:50		verified
900028	100715		0.02	SynthX/STAT201x/3T2014		0	notpassing			Amara Nuñez	2014-12-24 23:13:37	2014-12-24 23:13:37		honor
900029	100332	https://verify.example.org/downloads/746e2dbdb32d94c5cdb4ef8f13dab50c/Certificate.pdf	1.0	SynthX/STAT201x/3T2014	9208daf666fa0005f86faa07109d8cf1	0	downloadable	9cda650c2bba52148e5d69bec6249737	746e2dbdb32d94c5cdb4ef8f13dab50c	José Trần	2014-12-26 06:56:28	2014-12-26 06:56:28		verified
900030	100848		0.12	SynthX/STAT201x/3T2014		0	notpassing			Олег Попов	2014-12-28 07:43:35	2014-12-28 07:43:35		honor
900031	100204		0.0	SynthX/STAT201x/3T2014		0	notpassing			Mehmet Łęcka	2014-12-28 14:28:25	2015-01-24 02:54:19		honor
900032	100335		0.0	SynthX/STAT201x/3T2014		0	notpassing			Дмитрий Иванов	2014-12-27 04:41:21	2015-01-21 06:06:19		honor
900033	100208		0.2	SynthX/STAT201x/3T2014		0	notpassing			Sven Łęcka	2014-12-24 15:36:52	2015-01-08 15:30:41		honor
900034	100724		0.12	SynthX/STAT201x/3T2014		0	notpassing			Björn O'Brien	2014-12-28 05:19:50	2015-01-18 08:42:16		honor
900035	100852			SynthX/STAT201x/3T2014		0	notpassing			Noor García	2014-12-26 02:55:34	2014-12-26 02:55:34		honor
900036	100083		0.0	SynthX/STAT201x/3T2014		0	notpassing			Olumide Sørensen	2014-12-25 09:28:54	2014-12-25 09:28:54		honor
900037	100726	https://verify.example.org/downloads/7649766db52b048284c4185a390d3556/Certificate.pdf	1.0	SynthX/STAT201x/3T2014	a7e56bda1a255cab972b9b47ec028560	0	downloadable	91f02ef9088bddebe9ef336be28784dd	7649766db52b048284c4185a390d3556	Hana Øvergaard	2014-12-25 04:24:52	2014-12-25 04:24:52		verified
900038	100215		0.31	SynthX/STAT201x/3T2014		0	notpassing			José Gonçalves	2014-12-28 15:05:27	2014-12-28 15:05:27		honor
900039	100344		0.31	SynthX/STAT201x/3T2014		0	notpassing			مريم خليل	2014-12-27 05:42:23	2014-12-27 05:42:23		honor
900040	100472		0.0	SynthX/STAT201x/3T2014		0	notpassing			Priya García	2014-12-28 23:05:11	2014-12-28 23:05:11		honor
900041	100345		0.5	SynthX/STAT201x/3T2014		0	notpassing			María Nuñez	2014-12-26 23:26:13	2014-12-26 23:26:13		honor
900042	100091		0.12	SynthX/STAT201x/3T2014		0	notpassing			Hana Petőfi	2014-12-24 18:23:56	2014-12-24 18:23:56		honor
900043	100349		0.12	SynthX/STAT201x/3T2014		0	notpassing			Mehmet van der Berg	2014-12-25 13:43:54	2014-12-25 13:43:54		honor
900044	100223		0.5	SynthX/STAT201x/3T2014		0	notpassing			Meera van der Berg	2014-12-25 11:00:07	2014-12-25 11:00:07		honor
900045	100353		0.31	SynthX/STAT201x/3T2014		0	notpassing			林志强	2014-12-27 05:01:17	2015-01-19 00:04:46		honor
900046	100739	https://verify.example.org/downloads/1d3f10a4a1a1f25303e8839cda45ecac/Certificate.pdf	0.8700000000000001	SynthX/STAT201x/3T2014	dcb3e199e458460cb7eee0ce46bb5185	0	downloadable	66aa03c66df0b46557da6f665456b3eb	1d3f10a4a1a1f25303e8839cda45ecac	Ravi Mensah	2014-12-24 13:46:00	2014-12-29 05:28:53		verified
900047	100097	https://verify.example.org/downloads/64bd5f42d838b4b54e1bcf64649ff6d1/Certificate.pdf	0.87	SynthX/STAT201x/3T2014	0f0a5d6aea3b59d86218eb62b33f2fff	0	downloadable	148a951941530e69db14105242df209e	64bd5f42d838b4b54e1bcf64649ff6d1	Zoë Gonçalves	2014-12-25 23:24:17	2014-12-25 23:24:17		verified
900048	100355		0.02	SynthX/STAT201x/3T2014		0	notpassing			يوسف حسن	2014-12-28 04:45:49	2014-12-28 04:45:49		honor
900049	100229		0.4	SynthX/STAT201x/3T2014		0	notpassing			Zoë 🌟 Synthetic	2014-12-24 12:53:10	2014-12-24 12:53:10		honor
900050	100488		0.4	SynthX/STAT201x/3T2014		0	notpassing			Eiríkur Häkkinen	2014-12-26 19:03:28	2015-01-14 20:45:37		honor
900051	100875			SynthX/STAT201x/3T2014		0	notpassing			Olumide Synthetic	2014-12-27 03:00:38	2014-12-27 09:07:55		honor
900052	100878		0.0	SynthX/STAT201x/3T2014		0	notpassing			Jérôme da Silva	2014-12-24 19:25:08	2014-12-24 19:25:08		honor
900053	100110			SynthX/STAT201x/3T2014		0	notpassing			Chloé Kowalski	2014-12-26 23:44:41	2015-01-10 16:13:53		honor
900054	100238	https://verify.example.org/downloads/fa350eef8d81998b6ac0416488ec6750/Certificate.pdf	0.64	SynthX/STAT201x/3T2014	fde921100484cb083fc2bd8c31da34ce	0	downloadable	ccffdba52a6872d723b46507439d38df	fa350eef8d81998b6ac0416488ec6750	Jiří Ho	2014-12-26 03:32:47	2015-01-17 03:42:02		verified
900055	100755		0.0	SynthX/STAT201x/3T2014		0	notpassing			Amara Müller	2014-12-24 22:28:11	2015-01-17 17:11:50		honor
900056	100242		0.12	SynthX/STAT201x/3T2014		0	notpassing			Amara Synthetic	2014-12-28 05:24:16	2014-12-28 05:24:16		honor
900057	100498	https://verify.example.org/downloads/e59a11282b60f07cf5506df2b8e72934/Certificate.pdf	1.0	SynthX/STAT201x/3T2014	a610bbf70a7d84ca0dc393a596f6b864	0	downloadable	c8915feef678fa1a402f33c71e4a96e5	e59a11282b60f07cf5506df2b8e72934	Chloé Łęcka	2014-12-24 10:42:58	2014-12-24 10:42:58		verified
900058	100629	https://verify.example.org/downloads/3317c441043d317993b4db07056f0427/Certificate.pdf	1.0	SynthX/STAT201x/3T2014	22e9704f4286ae97f8305dcfcaa510ef	0	downloadable	5a7a7575508b1a7acac7b17d3ebf6f12	3317c441043d317993b4db07056f0427	Zsófia Petőfi	2014-12-28 06:14:16	2014-12-28 06:14:16		verified
900059	100886		0.0	SynthX/STAT201x/3T2014		0	notpassing			Zsófia Ødegaard	2014-12-28 20:07:33	2014-12-28 20:07:33		honor
900060	100115		0.0	SynthX/STAT201x/3T2014		0	notpassing			Ana Łęcka	2014-12-24 17:14:55	2014-12-24 17:14:55		honor
900061	100501			SynthX/STAT201x/3T2014		0	notpassing			Ελένη Γεωργίου	2014-12-25 14:09:01	2014-12-25 14:09:01		honor
900062	100377		0.02	SynthX/STAT201x/3T2014		0	notpassing			Mehmet García	2014-12-25 15:28:16	2015-01-08 00:08:47		honor
900063	100635			SynthX/STAT201x/3T2014		0	notpassing			María Ødegaard	2014-12-25 11:08:49	2014-12-25 11:08:49		honor
900064	100249		0.31	SynthX/STAT201x/3T2014		0	notpassing			Fatima Okafor	2014-12-26 13:03:05	2014-12-26 13:03:05		honor
900065	100379	https://verify.example.org/downloads/713b8030a0a92f04b779259b78cabf22/Certificate.pdf	0.76	SynthX/STAT201x/3T2014	d2bbd40c677de02fe9daabed24e5cfb2	0	downloadable	f13d30b739b0e3823bb83331bc7a99db	713b8030a0a92f04b779259b78cabf22	Đức O'Brien	2014-12-28 08:15:08	2014-12-28 08:15:08		verified
900066	100766	https://verify.example.org/downloads/ba42fb507b45f0669b1b2a237e5292a6/Certificate.pdf	0.7	SynthX/STAT201x/3T2014	47f815bfaf41604c0bb15a4e512bbb76	0	downloadable	ef10cf0680d95f58ad2af811e904ac90	ba42fb507b45f0669b1b2a237e5292a6	Sofía Synthetic	2014-12-28 00:31:41	2014-12-28 14:33:15		verified
900067	100510		0.31	SynthX/STAT201x/3T2014		0	notpassing			Zoë Þórsson	2014-12-27 08:00:12	2015-01-18 12:29:20		honor
900068	100640		0.0	SynthX/STAT201x/3T2014		0	notpassing			陈小明	2014-12-25 11:30:33	2014-12-25 11:30:33		honor
900069	100898		0.0	SynthX/STAT201x/3T2014		0	notpassing			Emily García	2014-12-25 20:39:28	2014-12-25 20:39:28		honor
900070	100514	https://verify.example.org/downloads/4e06c264885bee1c2df2cfda337ae828/Certificate.pdf	1.0	SynthX/STAT201x/3T2014	9ab5f761679bd4ac5092cecf3c3ce656	0	downloadable	4f0cbcc2737147a486d85f89cc616d6c	4e06c264885bee1c2df2cfda337ae828	Björn da Silva	2014-12-24 15:29:31	2014-12-24 15:29:31		verified
900071	100773		0.5	SynthX/STAT201x/3T2014		0	notpassing			Hélène Þórsson	2014-12-25 14:49:53	2014-12-25 14:49:53		honor
900072	100130		0.02	SynthX/STAT201x/3T2014		0	notpassing			Tariq Okafor	2014-12-28 21:58:04	2014-12-28 21:58:04		honor
900073	100776		0.4	SynthX/STAT201x/3T2014		0	notpassing			Kofi Mensah	2014-12-26 05:49:12	2014-12-26 05:49:12		honor
900074	100003			SynthX/STAT201x/3T2014		0	notpassing			José Dvořák	2014-12-28 20:33:15	2014-12-28 20:33:15		honor
900075	100520		0.2	SynthX/STAT201x/3T2014		0	notpassing			𝓐𝓭𝓪 Lovelace	2014-12-25 09:28:12	2014-12-25 09:28:12		honor
900076	100008	https://verify.example.org/downloads/d6e0318e73aae5576f320004150d21b5/Certificate.pdf	0.76	SynthX/STAT201x/3T2014	a8c78512c4c06f8d772e95f788bd5dee	0	downloadable	ef3ac797a35ebe6baa615eeb10dab821	d6e0318e73aae5576f320004150d21b5	Ingrid Ho	2014-12-28 10:25:21	2015-01-04 14:54:57		verified
900077	100394		0.0	SynthX/STAT201x/3T2014		0	notpassing			Dagný Kovačević	2014-12-25 20:24:43	2015-01-15 00:58:51		honor
900078	100653		0.4	SynthX/STAT201x/3T2014		0	notpassing			Tanaka 🍣 Taro	2014-12-27 04:44:33	2014-12-27 04:44:33		honor
900079	100139		0.4	SynthX/STAT201x/3T2014		0	notpassing			Bo Sørensen	2014-12-25 13:59:07	2014-12-25 13:59:07		honor
900080	100784		0.4	SynthX/STAT201x/3T2014		0	notpassing			Zoë 🌟 Synthetic	2014-12-28 21:01:53	2014-12-28 21:01:53		honor
900081	100012	https://verify.example.org/downloads/a93af5ef826ed6e3faf697fa4f6b74a4/Certificate.pdf	0.64	SynthX/STAT201x/3T2014	ae50f2aae2220d03aae3425ec75c741b	0	downloadable	84457cf7e0193602ba23fb0a1ec7a88b	a93af5ef826ed6e3faf697fa4f6b74a4	吴敏	2014-12-27 05:33:09	2014-12-31 09:10:09		verified
900082	100270	https://verify.example.org/downloads/dc95dc523fff8b9590e5c7a940ea28d9/Certificate.pdf	0.8700000000000001	SynthX/STAT201x/3T2014	88fb1f53b6b26e9461e2bea78eb92164	0	downloadable	a15aa474b270d85fc446c97d66c1cae5	dc95dc523fff8b9590e5c7a940ea28d9	Bo Nowak	2014-12-25 08:07:30	2014-12-25 08:07:30		verified
900083	100787		0.2	SynthX/STAT201x/3T2014		0	notpassing			דנה כהן	2014-12-24 15:05:45	2014-12-24 15:05:45		honor
900084	100016		0.4	SynthX/STAT201x/3T2014		0	notpassing			王芳	2014-12-27 13:13:01	2015-01-13 07:34:19		honor
900085	100660	https://verify.example.org/downloads/6e3d0a94a4cb189ca01c23e3f06ba8a6/Certificate.pdf	0.64	SynthX/STAT201x/3T2014	f77ff8130cc460b19cecb4e5a1dc64bb	0	downloadable	58128eb4d70043a84750bb36bb4db22b	6e3d0a94a4cb189ca01c23e3f06ba8a6	Noor Yılmaz	2014-12-25 08:25:35	2014-12-25 08:25:35		verified
900086	100791	https://verify.example.org/downloads/c76b88244230819eda374de5f8ab3c32/Certificate.pdf	0.76	SynthX/STAT201x/3T2014	a398655595cdd5d8e08c77dcef3e9161	0	downloadable	febbbbc724a4078f7e6d85de97b378b6	c76b88244230819eda374de5f8ab3c32	Đức Þórsson	2014-12-25 17:50:30	2015-01-16 16:31:33		verified
900087	100278		0.02	SynthX/STAT201x/3T2014		0	notpassing			Inês van der Berg	2014-12-28 12:54:48	2015-01-02 00:20:17		honor
900088	100406		0.2	SynthX/STAT201x/3T2014		0	notpassing			Sofía Sørensen	2014-12-25 00:43:17	2014-12-25 00:43:17		honor
900089	100793		0.0	SynthX/STAT201x/3T2014		0	notpassing				2014-12-28 12:04:48	2015-01-24 00:12:06		honor
900090	100538	https://verify.example.org/downloads/a8911ebbe9af7535aa3feaf577d6bcba/Certificate.pdf	0.8700000000000001	SynthX/STAT201x/3T2014	b4d2ab66a3d5f0da8db97844d8fa092a	0	downloadable	0cd26fafe961489503d0c5237d4eaae2	a8911ebbe9af7535aa3feaf577d6bcba	प्रिया शर्मा	2014-12-29 06:20:45	2014-12-29 06:20:45		verified
900091	100671		0.02	SynthX/STAT201x/3T2014		0	notpassing			प्रिया शर्मा	2014-12-27 05:13:27	2014-12-27 05:13:27		honor
900092	100029	https://verify.example.org/downloads/685af5a07c953c1a22e001469b86308b/Certificate.pdf	1.0	SynthX/STAT201x/3T2014	c829a251c6a1601432b1c899e9c9ec77	0	downloadable	c80794cca67fb74e96e0108773c47418	685af5a07c953c1a22e001469b86308b	مريم خليل	2014-12-26 23:02:41	2014-12-26 23:02:41		verified
900093	100158		0.55	SynthX/STAT201x/3T2014		0	notpassing			黄丽娜	2014-12-28 23:18:57	2014-12-28 23:18:57		honor
900094	100545	https://verify.example.org/downloads/bbf9f58ef7f87db68cb6f100ba8cf7a4/Certificate.pdf	1.0	SynthX/STAT201x/3T2014	cfa6039943ef75b62aac6e2cb00c13e0	0	downloadable	e840d778d8f2068e141440f457bb760a	bbf9f58ef7f87db68cb6f100ba8cf7a4	Amara Gonçalves	2014-12-25 11:34:42	2014-12-25 11:34:42		verified
900095	100674	https://verify.example.org/downloads/1069b802ab34ae7c1582fd1f3528b627/Certificate.pdf	0.76	SynthX/STAT201x/3T2014	f392a043ab3e7bd820d4bb1dc1c7d0ac	0	downloadable	f3ab29add5cc4fcb56f8b69b91cfd314	1069b802ab34ae7c1582fd1f3528b627	李华	2014-12-29 00:59:32	2014-12-29 00:59:32		verified
900096	100288		0.2	SynthX/STAT201x/3T2014		0	notpassing			Noor Kaur	2014-12-25 19:33:12	2014-12-25 19:33:12		honor
900097	100676	https://verify.example.org/downloads/03d7c808f8f23d3246d810b717af0ad7/Certificate.pdf	1.0	SynthX/STAT201x/3T2014	ddfd55a145b4024fb9356123474ce332	0	downloadable	978b0f99ecf9ade397bdfcba0b086afc	03d7c808f8f23d3246d810b717af0ad7	Ngọc Fernández	2014-12-24 14:23:23	2014-12-29 21:46:52		verified
