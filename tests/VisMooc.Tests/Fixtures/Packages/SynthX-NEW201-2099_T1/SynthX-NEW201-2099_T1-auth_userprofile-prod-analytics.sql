name	id	user_id	language	location	meta	courseware	gender	mailing_address	year_of_birth	level_of_education	goals	country	city	bio	profile_image_uploaded_at	state
Bo Synthetic	602	202				course.xml	m	NULL	1990	b	learn data\r\nand stats	ZZ	NULL	NULL	NULL	NULL
#1 fan	601	201				course.xml	f	NULL	1985	m	likes\tTSV	ZZ	NULL	NULL	NULL	NULL
Alice Old	501	101				course.xml	f	NULL	NULL	b	goal\twith tab	HK	NULL	NULL	NULL	NULL
No Id	NULL	203				course.xml	m	NULL	1999	hs	x	ZZ	NULL	NULL	NULL	NULL
Bad User	605	abc				course.xml	m	NULL	1999	hs	x	ZZ	NULL	NULL	NULL	NULL
Emoji 😀 Name	604	204				course.xml		NULL	2001			ZZ	NULL	NULL	NULL	NULL
