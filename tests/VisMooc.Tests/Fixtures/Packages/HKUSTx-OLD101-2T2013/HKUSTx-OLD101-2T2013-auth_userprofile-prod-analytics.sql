id	user_id	name	language	location	meta	courseware	gender	mailing_address	year_of_birth	level_of_education	goals	allow_certificate	country	city	bio	profile_image_uploaded_at
503	103	Carol Ø				course.xml	f	NULL	1990	m	learn\nmore	1	HK	NULL	NULL	NULL
509	999	Nobody Here				course.xml	m	NULL	1970	b		1	US	NULL	NULL	NULL
501	101	NULL	NULL	NULL	{}	course.xml	f	addr\nline2	NULL	b	goal\twith tab	1	HK	NULL	NULL	NULL
510	101	Second Alice				course.xml	f	NULL	1991	p	second profile	1	HK	NULL	NULL	NULL
504	104					course.xml	NULL	NULL	1985	NULL	NULL	1		NULL	NULL	NULL
506	106	Frank Old				course.xml	m	NULL	1980	b	x	1	HK	NULL	NULL
505	105	Eve "Q"	en	Hong Kong		course.xml	o	NULL	2000	hs	ends with backslash \\	1	CN	NULL	NULL	NULL
507	109	Tab Person				course.xml	m	NULL	1999	el	nul\0here	1	ZZ	NULL	NULL	NULL
508	110	Last One				course.xml	m	NULL	1977	a	NULL	1	NL	NULL	NULL	ends in CR
