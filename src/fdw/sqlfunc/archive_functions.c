/*-------------------------------------------------------------------------
 *
 * archive_functions.c
 *	  zfdw.tape_contents() and zfdw.xmit_contents(): what a tape image, a
 *	  TSO TRANSMIT file or an IEBCOPY unload holds, from its labels and
 *	  control records (core: archive/archive.h).
 *
 * Reading a server file needs the same right as the filename option:
 * superuser or pg_read_server_files.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "catalog/pg_authid.h"
#include "datatype/timestamp.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"

#include "archive/archive.h"

PG_FUNCTION_INFO_V1(zfdw_tape_contents);
PG_FUNCTION_INFO_V1(zfdw_xmit_contents);

/* Open a server file for a listing function, with file_fdw's rule. */
static zf_byte_source *
open_listed_file(const char *path)
{
	zf_byte_source *bytes;
	zf_error	err;

	if (!has_privs_of_role(GetUserId(), ROLE_PG_READ_SERVER_FILES))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("only superuser or a role with privileges of the pg_read_server_files role may read server files")));
	zf_error_clear(&err);
	bytes = zfdw_open_file_bytes(InvalidOid, path, &err);
	if (bytes == NULL)
		zfdw_report_open_error(&err, NULL);
	return bytes;
}

/* A year and day of the year as a date Datum; false if not a day. */
static bool
ordinal_date(int year, int ddd, Datum *out)
{
	bool		leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (ddd < 1 || ddd > (leap ? 366 : 365))
		return false;
	*out = DateADTGetDatum(date2j(year, 1, 1) + ddd - 1 - POSTGRES_EPOCH_JDATE);
	return true;
}

/* A label's creation date cyyddd (c blank 19yy, 0 20yy, 1 21yy ...). */
static bool
label_date(const char *s, Datum *out)
{
	int			century;

	if (strlen(s) != 6 || strspn(s + 1, "0123456789") != 5)
		return false;
	if (s[0] == ' ')
		century = 1900;
	else if (s[0] >= '0' && s[0] <= '9')
		century = 2000 + (s[0] - '0') * 100;
	else
		return false;
	if (strcmp(s + 1, "00000") == 0)
		return false;
	return ordinal_date(century + atoi(pnstrdup(s + 1, 2)), atoi(s + 3), out);
}

/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" through the type's input. */
static Datum
text_datum(Oid type, const char *s)
{
	if (type == DATEOID)
		return DirectFunctionCall1(date_in, CStringGetDatum(s));
	return DirectFunctionCall3(timestamp_in, CStringGetDatum(s),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

typedef struct ListState
{
	ReturnSetInfo *rsinfo;
	const zf_xmit_info *info;
	bool		unload;			/* a standalone IEBCOPY unload: no INMSIZE */
} ListState;

/* One row of tape_contents. */
static zf_status
tape_row(void *arg, const zf_tape_file *f, zf_error *err)
{
	ListState  *ls = arg;
	Datum		v[17];
	bool		n[17];

	(void) err;
	memset(n, 0, sizeof(n));
	v[0] = Int32GetDatum((int32) f->seq);
	v[1] = CStringGetTextDatum(f->dsname);
	v[2] = CStringGetTextDatum(f->fmt.recfm);
	v[3] = Int32GetDatum((int32) f->fmt.lrecl);
	v[4] = Int32GetDatum((int32) f->fmt.blksize);
	v[5] = Int64GetDatum((int64) f->blocks);
	v[6] = Int64GetDatum((int64) f->bytes);
	n[7] = !f->labeled || !label_date(f->created, &v[7]);
	v[8] = CStringGetTextDatum(f->syscode);
	v[9] = CStringGetTextDatum(f->jobstep);
	v[10] = CStringGetTextDatum(f->volser);
	v[11] = Int32GetDatum((int32) f->volseq);
	v[12] = Int64GetDatum((int64) f->label_blocks);
	v[13] = BoolGetDatum(f->continued);
	v[14] = BoolGetDatum(f->compressed);
	v[15] = Int32GetDatum((int32) f->min_block);
	v[16] = Int32GetDatum((int32) f->max_block);
	if (!f->labeled)
	{
		/* an unlabeled tape: only the position and the blocks are known */
		for (int i = 1; i <= 12; i++)
			if (i < 5 || i > 6)
				n[i] = true;
		n[13] = true;
	}
	else if (f->fmt.recfm[0] == '\0')
		n[2] = n[3] = n[4] = n[9] = true;	/* no HDR2 */
	tuplestore_putvalues(ls->rsinfo->setResult, ls->rsinfo->setDesc, v, n);
	return ZF_OK;
}

/* tape_contents(filename text): one row per file of the image. */
Datum
zfdw_tape_contents(PG_FUNCTION_ARGS)
{
	char	   *path = text_to_cstring(PG_GETARG_TEXT_PP(0));
	zf_byte_source *bytes = open_listed_file(path);
	ListState	ls;
	zf_error	err;
	volatile zf_status st = ZF_OK;

	InitMaterializedSRF(fcinfo, 0);
	ls.rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ls.info = NULL;
	ls.unload = false;
	zf_error_clear(&err);
	PG_TRY();
	{
		st = zf_tape_contents(bytes, tape_row, &ls, &err);
	}
	PG_FINALLY();
	{
		zfdw_close_bytes(bytes, NULL);
	}
	PG_END_TRY();
	if (st != ZF_OK)
		zfdw_report(ERROR, &err, path);
	return (Datum) 0;
}

/* One row of xmit_contents: a file (m NULL) or a member. */
static zf_status
xmit_row(void *arg, const zf_xmit_file *f, const zf_pds_member *m,
		 zf_error *err)
{
	ListState  *ls = arg;
	const zf_xmit_info *info = ls->info;
	Datum		v[21];
	bool		n[21];

	(void) err;
	memset(n, true, sizeof(n));
	v[0] = Int32GetDatum((int32) f->number);
	n[0] = false;
	if (f->dsname[0])
	{
		v[1] = CStringGetTextDatum(f->dsname);
		n[1] = false;
	}
	v[3] = BoolGetDatum(f->message);
	n[3] = false;
	if (f->dsorg[0])
	{
		v[4] = CStringGetTextDatum(f->dsorg);
		n[4] = false;
	}
	if (f->fmt.recfm[0])
	{
		v[5] = CStringGetTextDatum(f->fmt.recfm);
		n[5] = false;
	}
	v[6] = Int32GetDatum((int32) f->fmt.lrecl);
	v[7] = Int32GetDatum((int32) f->fmt.blksize);
	n[6] = n[7] = false;
	if (m == NULL)
	{
		v[8] = Int64GetDatum((int64) f->size);
		n[8] = ls->unload;
		if (!f->partitioned)
		{
			v[9] = Int64GetDatum((int64) f->records);
			v[10] = Int64GetDatum((int64) f->bytes);
			n[9] = n[10] = false;
		}
		if (info->from_node[0] || info->from_user[0])
		{
			v[19] = CStringGetTextDatum(psprintf("%s.%s", info->from_node, info->from_user));
			n[19] = false;
		}
		if (info->time[0])
		{
			v[20] = text_datum(TIMESTAMPOID, info->time);
			n[20] = false;
		}
	}
	else
	{
		v[2] = CStringGetTextDatum(m->name);
		v[9] = Int64GetDatum((int64) m->records);
		v[10] = Int64GetDatum((int64) m->bytes);
		v[11] = BoolGetDatum(m->alias);
		n[2] = n[9] = n[10] = n[11] = false;
		if (m->has_stats)
		{
			v[12] = CStringGetTextDatum(psprintf("%02u.%02u", m->ver, m->mod));
			v[13] = text_datum(DATEOID, m->created);
			v[14] = text_datum(TIMESTAMPOID, m->changed);
			v[15] = Int32GetDatum((int32) m->lines);
			v[16] = Int32GetDatum((int32) m->init_lines);
			v[17] = Int32GetDatum((int32) m->mod_lines);
			v[18] = CStringGetTextDatum(m->user);
			for (int i = 12; i <= 18; i++)
				n[i] = false;
		}
	}
	tuplestore_putvalues(ls->rsinfo->setResult, ls->rsinfo->setDesc, v, n);
	return ZF_OK;
}

/*
 * xmit_contents(filename text): the data sets and members; of a
 * standalone IEBCOPY unload, its library (file 1) and members.
 */
Datum
zfdw_xmit_contents(PG_FUNCTION_ARGS)
{
	char	   *path = text_to_cstring(PG_GETARG_TEXT_PP(0));
	zf_byte_source *bytes = open_listed_file(path);
	zf_xmit_info *info = palloc0(sizeof(zf_xmit_info));
	ListState	ls;
	zf_error	err;
	volatile zf_status st = ZF_OK;

	InitMaterializedSRF(fcinfo, 0);
	ls.rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ls.info = info;
	ls.unload = false;
	zf_error_clear(&err);
	PG_TRY();
	{
		uint8		head[16];
		size_t		n = 0;

		/* a standalone IEBCOPY unload is listed as an XMIT's library */
		if (zf_bytes_read_at_full(bytes, head, sizeof(head), 0, &n, &err) == ZF_OK &&
			!zf_xmit_detect(head, n) && zf_unload_detect(head, n))
		{
			ls.unload = true;
			st = zf_unload_file_contents(bytes, xmit_row, &ls, &err);
		}
		else
		{
			zf_error_clear(&err);
			st = zf_xmit_contents(bytes, info, xmit_row, &ls, &err);
		}
	}
	PG_FINALLY();
	{
		zfdw_close_bytes(bytes, NULL);
	}
	PG_END_TRY();
	if (st != ZF_OK)
		zfdw_report(ERROR, &err, path);
	return (Datum) 0;
}
