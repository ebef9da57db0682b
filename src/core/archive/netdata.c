/*-------------------------------------------------------------------------
 *
 * netdata.c
 *	  TSO TRANSMIT (NETDATA) files: segments, logical records, control
 *	  records and their text units.
 *
 * A NETDATA file is a chain of segments (the 80-byte records a file is
 * usually cut into do not matter): a length byte (2 to 255, itself
 * included), a flag byte (X'80' first segment of a record, X'40' last,
 * X'20' control record), then the data.  Control records begin with
 * their EBCDIC name: INMR01 (header: nodes, users, time), INMR02 (one per
 * file and utility, after a 4-byte file number: data set name, DSORG,
 * RECFM, LRECL, BLKSIZE, size, utility), INMR03 (before each file's data
 * records), INMR06 (the end).  Then text units: a 2-byte key, a 2-byte
 * count, and count times a 2-byte length and that many bytes.
 *
 * The data records of a sequential data set are its records (or blocks,
 * from XMIT370); those of a library are the logical records of its
 * IEBCOPY unload (iebcopy.c).  A file with a message (TRANSMIT ...
 * MSGDATASET) carries it as file 1, with the text unit INMTERM.
 *
 *-------------------------------------------------------------------------
 */
#include "archive/netdata_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Text unit keys (z/OS TSO/E Customization, "text units"). */
#define TU_INMDSNAM		0x0002
#define TU_INMTERM		0x0028
#define TU_INMBLKSZ		0x0030
#define TU_INMDSORG		0x003C
#define TU_INMLRECL		0x0042
#define TU_INMRECFM		0x0049
#define TU_INMTNODE		0x1001
#define TU_INMTUID		0x1002
#define TU_INMFNODE		0x1011
#define TU_INMFUID		0x1012
#define TU_INMFTIME		0x1024
#define TU_INMUTILN		0x1028
#define TU_INMSIZE		0x102C

/* Start reading the segments of inner. */
void
zf_nd_init(zf_netdata *nd, zf_byte_source *inner)
{
	memset(nd, 0, sizeof(*nd));
	nd->inner = inner;
}

/* Release the record buffer (not the source). */
void
zf_nd_free(zf_netdata *nd)
{
	free(nd->rec);
	nd->rec = NULL;
}

/* Append a segment's bytes to the record being assembled. */
static zf_status
append(zf_netdata *nd, const uint8_t *p, uint32_t n, zf_error *err)
{
	if (n == 0)
		return ZF_OK;			/* an empty segment: nothing to copy */
	if (n > ZF_XMIT_MAX_RECORD - nd->len)
		return zf_error_set(err, ZF_E_LIMIT,
							"a NETDATA record is longer than %d bytes", ZF_XMIT_MAX_RECORD);
	if (nd->len + n > nd->cap)
	{
		uint32_t	cap = nd->cap ? nd->cap : 1024;
		uint8_t    *r;

		while (cap < nd->len + n)
			cap *= 2;
		r = realloc(nd->rec, cap);
		if (r == NULL)
			return zf_error_set(err, ZF_E_NOMEM, "out of memory reading a NETDATA record");
		nd->rec = r;
		nd->cap = cap;
	}
	memcpy(nd->rec + nd->len, p, n);
	nd->len += n;
	return ZF_OK;
}

/*
 * The next logical record: control or data.  ZF_EOF only after INMR06;
 * an input that ends before it is an error.
 */
zf_status
zf_nd_next(zf_netdata *nd, bool *control, const uint8_t **data,
		   uint32_t *len, zf_error *err)
{
	bool		open = false;

	if (nd->pending)
	{
		nd->pending = false;
		*control = nd->pending_control;
		*data = nd->rec;
		*len = nd->len;
		return ZF_OK;
	}
	if (nd->finished)
		return ZF_EOF;
	nd->len = 0;
	nd->rec_offset = nd->pos;
	for (;;)
	{
		uint8_t		h[2];
		uint8_t		seg[255];
		size_t		got;
		zf_status	st;

		st = zf_bytes_read_full(nd->inner, h, 2, &got, err);
		if (st != ZF_OK)
			return st;
		if (got < 2)
			return zf_archive_error(err, nd->pos, h, got,
									got == 0 && !open ?
									"the transmission ends without its INMR06 record" :
									"the transmission ends inside a record");
		if (h[0] < 2 || (h[1] & 0x1F) != 0 ||
			((h[1] & 0x80) != 0) == open ||
			(open && ((h[1] & 0x20) != 0) != *control))
			return zf_archive_error(err, nd->pos, h, 2,
									"invalid NETDATA segment header");
		st = zf_bytes_read_full(nd->inner, seg, h[0] - 2, &got, err);
		if (st != ZF_OK)
			return st;
		if (got < (size_t) h[0] - 2)
			return zf_archive_error(err, nd->pos, h, 2,
									"the transmission ends inside a segment");
		if (!open)
			*control = (h[1] & 0x20) != 0;
		open = true;
		nd->pos += h[0];
		st = append(nd, seg, h[0] - 2u, err);
		if (st != ZF_OK)
			return st;
		if (h[1] & 0x40)
			break;
	}
	if (*control)
	{
		static const uint8_t inmr06[6] = {0xC9, 0xD5, 0xD4, 0xD9, 0xF0, 0xF6};

		if (nd->len < 6)
			return zf_archive_error(err, nd->rec_offset, nd->rec, nd->len,
									"a NETDATA control record without a name");
		if (memcmp(nd->rec, inmr06, 6) == 0)
			nd->finished = true;
	}
	*data = nd->rec;
	*len = nd->len;
	return ZF_OK;
}

/* Keep the record just read for the next zf_nd_next. */
void
zf_nd_push_back(zf_netdata *nd, bool control)
{
	nd->pending = true;
	nd->pending_control = control;
}

/* The control record's number (1 for INMR01 ...), or -1. */
int
zf_nd_control_kind(const uint8_t *p, uint32_t len)
{
	static const uint8_t inmr[4] = {0xC9, 0xD5, 0xD4, 0xD9};

	if (len < 6 || memcmp(p, inmr, 4) != 0 || p[4] != 0xF0 ||
		p[5] < 0xF0 || p[5] > 0xF9)
		return -1;
	return p[5] - 0xF0;
}

/* A text unit's value as a big-endian number (1 to 8 bytes). */
static bool
tu_number(const uint8_t *p, uint32_t n, uint64_t *out)
{
	uint64_t	v = 0;

	if (n < 1 || n > 8)
		return false;
	for (uint32_t i = 0; i < n; i++)
		v = (v << 8) | p[i];
	*out = v;
	return true;
}

/* A text unit's EBCDIC text into dst (size cap). */
static void
tu_text(char *dst, size_t cap, const uint8_t *p, uint32_t n)
{
	char		tmp[256];

	if (n > sizeof(tmp) - 1)
		n = sizeof(tmp) - 1;
	zf_label_text(tmp, p, n);
	snprintf(dst, cap, "%s", tmp);
}

/* INMRECFM's two bytes as text: the first is a DCB RECFM byte. */
static void
recfm_of(const uint8_t *p, uint32_t n, char *out)
{
	zf_dcb_recfm_text(n >= 1 ? p[0] : 0, out);
}

/* Parse the text units of a control record from pos into info / file. */
static zf_status
text_units(const uint8_t *p, uint32_t len, uint32_t pos, uint64_t base,
		   zf_xmit_info *info, zf_xmit_file *file, bool *has_term,
		   zf_error *err)
{
	while (pos < len)
	{
		uint32_t	key,
					count;
		const uint8_t *first = NULL;
		uint32_t	first_len = 0;
		uint64_t	num = 0;
		bool		isnum;

		if (len - pos < 4)
			return zf_archive_error(err, base + pos, p + pos, len - pos,
									"a text unit is cut short");
		key = ((uint32_t) p[pos] << 8) | p[pos + 1];
		count = ((uint32_t) p[pos + 2] << 8) | p[pos + 3];
		pos += 4;
		for (uint32_t i = 0; i < count; i++)
		{
			uint32_t	l;

			if (len - pos < 2)
				return zf_archive_error(err, base + pos, p + pos, len - pos,
										"a text unit is cut short");
			l = ((uint32_t) p[pos] << 8) | p[pos + 1];
			pos += 2;
			if (l > len - pos)
				return zf_archive_error(err, base + pos - 2, p + pos - 2, 2,
										"a text unit's value runs past its record");
			if (key == TU_INMDSNAM && file != NULL)
			{
				size_t		have = strlen(file->dsname);
				char		q[45];

				tu_text(q, sizeof(q), p + pos, l);
				if (have + (have ? 1 : 0) + strlen(q) < sizeof(file->dsname))
					snprintf(file->dsname + have, sizeof(file->dsname) - have,
							 "%s%s", have ? "." : "", q);
			}
			if (i == 0)
			{
				first = p + pos;
				first_len = l;
			}
			pos += l;
		}
		if (key == TU_INMTERM)
			*has_term = true;
		if (first == NULL)
			continue;
		isnum = tu_number(first, first_len, &num);
		if (info != NULL)
		{
			if (key == TU_INMFNODE)
				tu_text(info->from_node, sizeof(info->from_node), first, first_len);
			else if (key == TU_INMFUID)
				tu_text(info->from_user, sizeof(info->from_user), first, first_len);
			else if (key == TU_INMTNODE)
				tu_text(info->to_node, sizeof(info->to_node), first, first_len);
			else if (key == TU_INMTUID)
				tu_text(info->to_user, sizeof(info->to_user), first, first_len);
			else if (key == TU_INMFTIME)
			{
				char		t[32];

				tu_text(t, sizeof(t), first, first_len);
				if (strlen(t) >= 14)
					snprintf(info->time, sizeof(info->time),
							 "%.4s-%.2s-%.2s %.2s:%.2s:%.2s",
							 t, t + 4, t + 6, t + 8, t + 10, t + 12);
			}
		}
		if (file != NULL)
		{
			if (key == TU_INMUTILN && file->utility[0] == '\0')
				tu_text(file->utility, sizeof(file->utility), first, first_len);
			else if (key == TU_INMDSORG && file->dsorg[0] == '\0' && isnum)
				snprintf(file->dsorg, sizeof(file->dsorg), "%s",
						 (num & 0x0200) ? "PO" : (num & 0x4000) ? "PS" : "");
			else if (key == TU_INMRECFM && file->fmt.recfm[0] == '\0')
				recfm_of(first, first_len, file->fmt.recfm);
			else if (key == TU_INMLRECL && file->fmt.lrecl == 0 && isnum && num <= UINT32_MAX)
				file->fmt.lrecl = (uint32_t) num;
			else if (key == TU_INMBLKSZ && file->fmt.blksize == 0 && isnum && num <= UINT32_MAX)
				file->fmt.blksize = (uint32_t) num;
			else if (key == TU_INMSIZE && file->size == 0 && isnum)
				file->size = num;
		}
	}
	return ZF_OK;
}

/*
 * Read the control records up to the first data record (kept back) or
 * INMR06: the header and the files.
 */
zf_status
zf_nd_read_header(zf_netdata *nd, zf_xmit_info *info, zf_error *err)
{
	bool		seen01 = false;

	memset(info, 0, sizeof(*info));
	nd->ninmr03 = 0;
	for (;;)
	{
		bool		control;
		const uint8_t *p;
		uint32_t	len;
		int			kind;
		zf_status	st = zf_nd_next(nd, &control, &p, &len, err);

		if (st == ZF_EOF)
			break;
		if (st != ZF_OK)
			return st;
		if (!control)
		{
			zf_nd_push_back(nd, control);
			break;
		}
		kind = zf_nd_control_kind(p, len);
		if (!seen01 && kind != 1)
			return zf_archive_error(err, nd->rec_offset, p, len < 8 ? len : 8,
									"the transmission does not begin with an INMR01 record");
		if (kind == 1)
		{
			bool		term = false;

			if (seen01)
				return zf_archive_error(err, nd->rec_offset, p, 6, "a second INMR01 record");
			seen01 = true;
			st = text_units(p, len, 6, nd->rec_offset, info, NULL, &term, err);
		}
		else if (kind == 2)
		{
			uint32_t	number;
			zf_xmit_file *f = NULL;
			zf_xmit_file scratch;
			bool		term = false;

			if (len < 10)
				return zf_archive_error(err, nd->rec_offset, p, len, "an INMR02 record is cut short");
			number = ((uint32_t) p[6] << 24) | ((uint32_t) p[7] << 16) |
				((uint32_t) p[8] << 8) | p[9];
			for (uint32_t i = 0; i < info->nfiles; i++)
				if (info->files[i].number == number)
					f = &info->files[i];
			if (f == NULL)
			{
				if (info->nfiles == ZF_XMIT_MAX_FILES)
					return zf_error_set(err, ZF_E_LIMIT,
										"a transmission of more than %d files", ZF_XMIT_MAX_FILES);
				f = &info->files[info->nfiles++];
				memset(f, 0, sizeof(*f));
				f->number = number;
			}
			scratch = *f;
			st = text_units(p, len, 10, nd->rec_offset, NULL, &scratch, &term, err);
			if (st != ZF_OK)
				return st;
			if (term)
				scratch.message = true;
			if (strcmp(scratch.utility, "IEBCOPY") == 0)
				scratch.partitioned = true;
			*f = scratch;
		}
		else if (kind == 3)
		{
			/* the data of the first file follows: keep it back */
			zf_nd_push_back(nd, control);
			break;
		}
		else if (kind == 6)
			break;
		/* INMR04 (user exits), INMR07 (notifications): nothing to read */
		if (st != ZF_OK)
			return st;
	}
	if (!seen01)
		return zf_archive_error(err, 0, NULL, 0, "the transmission has no INMR01 record");
	return ZF_OK;
}

/*
 * Move to the data records of file index idx (0-based, in INMR02 order):
 * past the INMR03 records of the files before it.
 */
zf_status
zf_nd_seek_file(zf_netdata *nd, uint32_t idx, zf_error *err)
{
	for (;;)
	{
		bool		control;
		const uint8_t *p;
		uint32_t	len;
		zf_status	st = zf_nd_next(nd, &control, &p, &len, err);

		if (st == ZF_EOF)
			return zf_error_set(err, ZF_E_FRAMING,
								"the transmission ends before the data of its file %u", idx + 1);
		if (st != ZF_OK)
			return st;
		if (control && zf_nd_control_kind(p, len) == 3)
		{
			if (nd->ninmr03++ == idx)
				return ZF_OK;
		}
	}
}

/* The next data record of the current file; ZF_EOF at its end. */
zf_status
zf_nd_next_data(zf_netdata *nd, const uint8_t **p, uint32_t *len,
				zf_error *err)
{
	bool		control;
	zf_status	st = zf_nd_next(nd, &control, p, len, err);

	if (st != ZF_OK)
		return st;
	if (control)
	{
		zf_nd_push_back(nd, control);
		return ZF_EOF;
	}
	return ZF_OK;
}

/* Describe an XMIT. */
zf_status
zf_xmit_describe(zf_byte_source *inner, zf_xmit_info *info, zf_error *err)
{
	zf_netdata	nd;
	zf_status	st;

	zf_nd_init(&nd, inner);
	st = zf_nd_read_header(&nd, info, err);
	zf_nd_free(&nd);
	return st;
}

/* The file opts reads: by name, else the data set (not the message). */
zf_status
zf_xmit_choose(const zf_xmit_info *info, const zf_xmit_opts *opts,
			   const zf_xmit_file **file, zf_error *err)
{
	const zf_xmit_file *chosen = NULL;

	for (uint32_t i = 0; i < info->nfiles; i++)
	{
		const zf_xmit_file *f = &info->files[i];

		if (opts->dsname && opts->dsname[0])
		{
			if (strcasecmp(opts->dsname, f->dsname) == 0)
				chosen = f;
		}
		else if (!f->message)
			chosen = f;
	}
	if (chosen == NULL)
	{
		if (opts->dsname && opts->dsname[0])
			return zf_error_set(err, ZF_E_ARG, "the transmission holds no data set named \"%s\"",
								opts->dsname);
		return zf_error_set(err, ZF_E_ARG, "the transmission holds no data set");
	}
	if (chosen->partitioned && (opts->member == NULL || opts->member[0] == '\0'))
	{
		zf_error_set(err, ZF_E_ARG, "data set \"%s\" of the transmission is partitioned",
					 chosen->dsname);
		zf_error_hint(err, "Name the members to read with the member option, a name or a glob such as '*'.");
		return ZF_E_ARG;
	}
	if (!chosen->partitioned && opts->member && opts->member[0])
		return zf_error_set(err, ZF_E_ARG,
							"the data set%s%s%s of the transmission is sequential: it has no members",
							chosen->dsname[0] ? " \"" : "", chosen->dsname,
							chosen->dsname[0] ? "\"" : "");
	*file = chosen;
	return ZF_OK;
}

/* Index of a file in info. */
uint32_t
zf_nd_file_index(const zf_xmit_info *info, const zf_xmit_file *f)
{
	return (uint32_t) (f - info->files);
}

/* The unload's records: the data records of the current file. */
zf_status
zf_nd_unload_records(void *arg, const uint8_t **data, uint32_t *len,
					 zf_error *err)
{
	return zf_nd_next_data((zf_netdata *) arg, data, len, err);
}

/* List an XMIT's files and, for a library, its members. */
zf_status
zf_xmit_contents(zf_byte_source *inner, zf_xmit_info *info,
				 zf_xmit_member_cb cb, void *arg, zf_error *err)
{
	zf_netdata	nd;
	zf_status	st;

	zf_nd_init(&nd, inner);
	st = zf_nd_read_header(&nd, info, err);
	for (uint32_t i = 0; st == ZF_OK && i < info->nfiles; i++)
	{
		zf_xmit_file *f = &info->files[i];
		zf_unload  *u;

		st = zf_nd_seek_file(&nd, i, err);
		if (st != ZF_OK)
			break;
		if (!f->partitioned)
		{
			/* count the records: this also reads to the end (INMR06) */
			zf_ds_framing fr;
			bool		fixed = zf_ds_framing_of(f->fmt.recfm, &fr) &&
				fr == ZF_DS_FIXED && f->fmt.lrecl > 0;

			for (;;)
			{
				const uint8_t *p;
				uint32_t	len;

				st = zf_nd_next_data(&nd, &p, &len, err);
				if (st != ZF_OK)
					break;
				f->bytes += len;
				f->records += fixed ? len / f->fmt.lrecl : (len > 0);
			}
			if (st == ZF_EOF)
				st = cb(arg, f, NULL, err);
			continue;
		}
		st = cb(arg, f, NULL, err);
		if (st != ZF_OK)
			break;
		u = zf_unload_open(zf_nd_unload_records, &nd, err);
		if (u == NULL)
		{
			st = err ? err->status : ZF_E_FRAMING;
			break;
		}
		st = zf_unload_scan(u, err);
		for (uint32_t m = 0; st == ZF_OK && m < zf_unload_member_count(u); m++)
			st = cb(arg, f, zf_unload_member(u, m), err);
		zf_unload_close(u);
	}
	/* the rest, to INMR06: a transmission cut short is an error */
	while (st == ZF_OK)
	{
		bool		control;
		const uint8_t *p;
		uint32_t	len;

		st = zf_nd_next(&nd, &control, &p, &len, err);
	}
	if (st == ZF_EOF)
		st = ZF_OK;
	zf_nd_free(&nd);
	return st;
}

/* Content detection: a first segment of a control record named INMR01. */
bool
zf_xmit_detect(const uint8_t *p, size_t n)
{
	return n >= 8 && p[0] >= 8 && (p[1] & 0xA0) == 0xA0 &&
		(p[1] & 0x1F) == 0 && zf_nd_control_kind(p + 2, 6) == 1;
}
