id	username	first_name	last_name	email	password	is_staff	is_active	is_superuser	last_login	date_joined	status	email_key	avatar_typ	country	show_country	date_of_birth	interesting_tags	ignored_tags	email_tag_filter_strategy	display_tag_filter_strategy	consecutive_days_visit_count
101	alice_old			alice@example.invalid		0	1	0	2013-08-01 00:00:00	2013-07-01 12:00:00		NULL			0	NULL			1	0	0
102	bob_old	Bob	Old	bob@example.invalid		0	1	0	2013-08-01 00:00:00	2013-07-01 12:00:00		NULL			0	NULL			1	0	0
103	carol_old			carol@example.invalid		0	1	0	2013-08-01 00:00:00	2013-07-01 12:00:00		NULL			0	NULL			1	0	0
104	dävé_中文			dave@example.invalid		0	1	0	2013-08-01 00:00:00	2013-07-01 12:00:00		NULL			0	NULL			1	0	0
105	"quoted			eve@example.invalid		0	1	0	2013-08-01 00:00:00	2013-07-01 12:00:00		NULL			0	NULL			1	0	0
101	alice_old			alice@example.invalid		0	1	0	2013-08-01 00:00:00	2013-07-01 12:00:00		NULL			0	NULL			1	0	0
107	short_row			short@example.invalid		0	1	0	2013-08-01 00:00:00	2013-07-01 12:00:00		NULL			0	NULL			1	0
NULL	no_id			noid@example.invalid		0	1	0	2013-08-01 00:00:00	2013-07-01 12:00:00		NULL			0	NULL			1	0	0
108	trail\			trail@example.invalid		0	1	0	2013-08-01 00:00:00	2013-07-01 12:00:00		NULL			0	NULL			1	0	0
106	frank_old			frank@example.invalid		0	1	0	2013-08-01 00:00:00	2013-07-01 12:00:00		NULL			0	NULL			1	0	0
109	tab\there			odd\qescape@example.invalid		0	1	0	2013-08-01 00:00:00	2013-07-01 12:00:00		NULL			0	NULL			1	0	0
110	last_old			last@example.invalid		0	1	0	2013-08-01 00:00:00	2013-07-01 12:00:00		NULL			0	NULL			1	0	0