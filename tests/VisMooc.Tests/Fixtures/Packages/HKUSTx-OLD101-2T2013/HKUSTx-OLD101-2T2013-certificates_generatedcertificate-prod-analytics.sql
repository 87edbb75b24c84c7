id	user_id	download_url	grade	course_id	key	distinction	status	verify_uuid	download_uuid	name	created_date	modified_date	error_reason	mode
7001	101		0.87	HKUSTx/OLD101/2T2013		0	downloadable			Alice Old	2013-12-20 08:00:00	2013-12-20 08:00:00		honor
7002	102		NULL	HKUSTx/OLD101/2T2013		0	downloadable			Bob Old	NULL	NULL		honor
7003	103		0.8700000000000001	HKUSTx/OLD101/2T2013		0	downloadable			Carol Ø	2013-12-20 08:00:01	2013-12-20 08:00:01		honor
7004	104		0.5	HKUSTx/OLD101/2T2013		0	downloadable			Secret Name	2013-12-20 08:00:02	2013-12-20 08:00:02
7005	104			HKUSTx/OLD101/2T2013		0	downloadable			Dave	2013-12-21 00:00:00	2013-12-21 00:00:00		honor
