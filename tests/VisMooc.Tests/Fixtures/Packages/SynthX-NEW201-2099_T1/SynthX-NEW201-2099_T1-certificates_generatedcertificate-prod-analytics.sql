id	user_id	download_url	grade	course_id	key	distinction	status	verify_uuid	download_uuid	name	created_date	modified_date	error_reason	mode
31	201		0.87	course-v1:SynthX+NEW201+2099_T1		0	downloadable	aaaabbbbccccddddeeeeffff00001111		Ada Synthetic	2099-06-01 00:00:01	2099-06-01 00:00:01		verified
32	202			course-v1:SynthX+NEW201+2099_T1		0	downloadable	aaaabbbbccccddddeeeeffff00001111		Bo Synthetic	2099-06-01 00:00:02.000001	2099-06-01 00:00:02.000001		verified
33	203		0.5\r	course-v1:SynthX+NEW201+2099_T1		0	downloadable	aaaabbbbccccddddeeeeffff00001111		Cr Synthetic	2099-06-01 00:00:03	2099-06-01 00:00:03		verified
34	204		0.9\	course-v1:SynthX+NEW201+2099_T1		0	downloadable	aaaabbbbccccddddeeeeffff00001111		Nul Synthetic	2099-06-01 00:00:04	2099-06-01 00:00:04		verified
