/*-------------------------------------------------------------------------
 *
 * iebcopy.c
 *	  The IEBCOPY unload format of a partitioned data set (PDS): COPYR1,
 *	  COPYR2, the directory, then the members' data blocks.
 *
 * The unload's logical records (the data records of an XMIT, the records
 * of a tape's VS data set) are:
 *	 COPYR1	 X'CA6D0F' at bytes 1-3, then DS1DSORG (2 bytes), DS1BLKL (2),
 *			 DS1LRECL (2), DS1RECFM (1) of the library;
 *	 COPYR2	 the extents of the library on its disk (not needed here);
 *	 then a stream of blocks as they lay on disk, each behind a 12-byte
 *	 header F M BB CC HH R KL DL (KL key length, DL data length): first
 *	 the directory blocks (KL 8, DL 256), then each member's data blocks;
 *	 a header with KL and DL 0 is an end of file, after the directory and
 *	 after each member.
 *
 * A directory block holds, after its 2-byte count of bytes used, entries
 * of an 8-byte name, a 3-byte TTR (where the member's data begins), a
 * byte C (X'80' alias, X'1F' the halfwords of user data) and the user
 * data; ISPF keeps its statistics there.  The name X'FF..FF' ends the
 * directory.  Members are unloaded in TTR order, so the n-th run of data
 * blocks belongs to the n-th distinct TTR; the record number R of its
 * first block is checked against the TTR's.
 *
 *-------------------------------------------------------------------------
 */
#include "archive/archive_int.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HDR_LEN		12
#define MAX_BLOCK	(255 + 65535)

struct zf_unload
{
	zf_record_supplier next;
	void	   *arg;
	zf_dsformat fmt;
	zf_pds_member *members;
	uint32_t	n;
	uint32_t	cap;
	uint32_t   *order;			/* representative entry per distinct TTR,
								 * in TTR order */
	uint32_t	norder;
	uint32_t	group;			/* the run of member blocks being read */
	bool		in_group;
	const uint8_t *rec;			/* the current logical record */
	uint32_t	rec_len;
	uint32_t	rec_pos;
	uint64_t	stream_pos;		/* bytes of the block stream read */
	bool		eof;
	uint8_t		block[MAX_BLOCK];
};

/*
 * Copy n bytes of the block stream (records concatenated).  *clean_end
 * (when not NULL) is set if the stream ended before the first byte.
 */
static zf_status
stream_read(zf_unload *u, uint8_t *dst, uint32_t n, bool *clean_end,
			zf_error *err)
{
	uint32_t	done = 0;

	while (done < n)
	{
		uint32_t	k;

		if (u->rec_pos >= u->rec_len)
		{
			zf_status	st;

			if (u->eof)
				st = ZF_EOF;
			else
				st = u->next(u->arg, &u->rec, &u->rec_len, err);
			if (st == ZF_EOF)
			{
				u->eof = true;
				if (done == 0 && clean_end != NULL)
				{
					*clean_end = true;
					return ZF_OK;
				}
				return zf_archive_error(err, u->stream_pos, NULL, 0,
										"the unload ends inside a block");
			}
			if (st != ZF_OK)
				return st;
			u->rec_pos = 0;
			continue;
		}
		k = u->rec_len - u->rec_pos;
		if (k > n - done)
			k = n - done;
		memcpy(dst + done, u->rec + u->rec_pos, k);
		u->rec_pos += k;
		done += k;
	}
	u->stream_pos += n;
	return ZF_OK;
}

/* A packed 0CYYDDDF date to YYYY-MM-DD; false when not one. */
static bool
packed_date(const uint8_t *p, char *out, size_t outlen)
{
	int			d[7];
	int			year,
				ddd;
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int			m;

	for (int i = 0; i < 7; i++)
	{
		int			nib = (i % 2 == 0) ? p[i / 2] >> 4 : p[i / 2] & 0x0F;

		if (nib > 9)
			return false;
		d[i] = nib;
	}
	if ((p[3] & 0x0F) != 0x0F || d[0] != 0 || d[1] > 1)
		return false;
	year = 1900 + d[1] * 100 + d[2] * 10 + d[3];
	ddd = d[4] * 100 + d[5] * 10 + d[6];
	{
		bool		leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

		if (ddd < 1 || ddd > (leap ? 366 : 365))
			return false;
		for (m = 0; m < 12; m++)
		{
			int			len = mdays[m] + (m == 1 && leap ? 1 : 0);

			if (ddd <= len)
				break;
			ddd -= len;
		}
	}
	snprintf(out, outlen, "%04d-%02d-%02d", year, m + 1, ddd);
	return true;
}

/* Two packed digits (no sign) to a number; -1 when not digits. */
static int
packed2(uint8_t b)
{
	if ((b >> 4) > 9 || (b & 0x0F) > 9)
		return -1;
	return (b >> 4) * 10 + (b & 0x0F);
}

/* ISPF statistics from an entry's user data (15 or more halfwords). */
static void
ispf_stats(zf_pds_member *m, const uint8_t *ud, uint32_t len)
{
	char		changed[11];
	int			hh,
				mi,
				ss;

	if (len < 30)
		return;
	hh = packed2(ud[12]);
	mi = packed2(ud[13]);
	ss = packed2(ud[3]);
	if (!packed_date(ud + 4, m->created, sizeof(m->created)) ||
		!packed_date(ud + 8, changed, sizeof(changed)) ||
		hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59)
		return;
	m->ver = ud[0];
	m->mod = ud[1];
	snprintf(m->changed, sizeof(m->changed), "%s %02d:%02d:%02d", changed, hh, mi, ss);
	m->lines = ((uint32_t) ud[14] << 8) | ud[15];
	m->init_lines = ((uint32_t) ud[16] << 8) | ud[17];
	m->mod_lines = ((uint32_t) ud[18] << 8) | ud[19];
	zf_label_text(m->user, ud + 20, 8);
	m->has_stats = true;
}

/* Parse one directory block; *last when the X'FF..FF' entry was met. */
static zf_status
directory_block(zf_unload *u, const uint8_t *data, bool *last, zf_error *err)
{
	uint32_t	used = ((uint32_t) data[0] << 8) | data[1];
	uint32_t	pos = 2;
	static const uint8_t ff[8] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

	if (used < 2 || used > 256)
		return zf_archive_error(err, u->stream_pos - 256, data, 2,
								"a directory block says it uses %u bytes", used);
	while (pos < used)
	{
		zf_pds_member *m;
		uint32_t	ud;

		if (used - pos < 12)
			return zf_archive_error(err, u->stream_pos - 256 + pos, data + pos, used - pos,
									"a directory entry is cut short");
		if (memcmp(data + pos, ff, 8) == 0)
		{
			*last = true;
			return ZF_OK;
		}
		ud = (uint32_t) (data[pos + 11] & 0x1F) * 2;
		if (used - pos - 12 < ud)
			return zf_archive_error(err, u->stream_pos - 256 + pos, data + pos, 12,
									"a directory entry's user data runs past its block");
		if (u->n == u->cap)
		{
			uint32_t	cap = u->cap ? u->cap * 2 : 32;
			zf_pds_member *mm = realloc(u->members, sizeof(*mm) * cap);

			if (mm == NULL)
				return zf_error_set(err, ZF_E_NOMEM, "out of memory reading a directory");
			u->members = mm;
			u->cap = cap;
		}
		m = &u->members[u->n++];
		memset(m, 0, sizeof(*m));
		zf_label_text(m->name, data + pos, 8);
		m->ttr = ((uint32_t) data[pos + 8] << 16) | ((uint32_t) data[pos + 9] << 8) | data[pos + 10];
		m->alias = (data[pos + 11] & 0x80) != 0;
		if (ud >= 30)
			ispf_stats(m, data + pos + 12, ud);
		pos += 12 + ud;
	}
	return ZF_OK;
}

/* Order members by TTR (then by entry): the runs of data follow it. */
static int
ttr_cmp(const void *a, const void *b)
{
	const uint64_t x = *(const uint64_t *) a;
	const uint64_t y = *(const uint64_t *) b;

	return x < y ? -1 : x > y ? 1 : 0;
}

/* The representative entries of the distinct TTRs, in TTR order. */
static zf_status
build_order(zf_unload *u, zf_error *err)
{
	uint32_t	k = 0;

	uint64_t   *keys = malloc(sizeof(uint64_t) * (u->n ? u->n : 1));

	u->order = malloc(sizeof(uint32_t) * (u->n ? u->n : 1));
	if (u->order == NULL || keys == NULL)
	{
		free(keys);
		return zf_error_set(err, ZF_E_NOMEM, "out of memory reading a directory");
	}
	/* TTR in the high bits, the entry's index in the low ones */
	for (uint32_t i = 0; i < u->n; i++)
		keys[i] = ((uint64_t) u->members[i].ttr << 32) | i;
	qsort(keys, u->n, sizeof(uint64_t), ttr_cmp);
	for (uint32_t i = 0; i < u->n; i++)
		u->order[i] = (uint32_t) keys[i];
	free(keys);
	for (uint32_t i = 0; i < u->n; i++)
	{
		uint32_t	e = u->order[i];

		if (k > 0 && u->members[u->order[k - 1]].ttr == u->members[e].ttr)
		{
			/* the same data: keep a primary name over an alias */
			if (u->members[u->order[k - 1]].alias && !u->members[e].alias)
				u->order[k - 1] = e;
			continue;
		}
		u->order[k++] = e;
	}
	u->norder = k;
	return ZF_OK;
}

/* Read COPYR1, COPYR2 and the directory. */
zf_unload *
zf_unload_open(zf_record_supplier next, void *arg, zf_error *err)
{
	/* the block buffer needs no zeroing: only the state before it */
	zf_unload  *u = malloc(sizeof(zf_unload));
	const uint8_t *r;
	uint32_t	len;
	zf_status	st;
	bool		last = false;

	if (u == NULL)
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory reading an unload");
		return NULL;
	}
	memset(u, 0, offsetof(zf_unload, block));
	u->next = next;
	u->arg = arg;
	st = next(arg, &r, &len, err);
	if (st == ZF_EOF)
		st = zf_error_set(err, ZF_E_FRAMING, "the unload is empty");
	if (st != ZF_OK)
		goto fail;
	if (len < 11 || r[1] != 0xCA || r[2] != 0x6D || r[3] != 0x0F)
	{
		zf_archive_error(err, 0, r, len < 8 ? len : 8,
						 "the data set is not an IEBCOPY unload (no COPYR1 record)");
		goto fail;
	}
	if (!(r[4] & 0x02))
	{
		zf_error_set(err, ZF_E_UNSUPPORTED,
					 "the unloaded library is not a partitioned data set (DSORG X'%02X%02X')",
					 r[4], r[5]);
		goto fail;
	}
	if (r[0] & 0x01)
	{
		zf_error_set(err, ZF_E_UNSUPPORTED, "unloads of a PDSE are not read by zfdw");
		goto fail;
	}
	u->fmt.blksize = ((uint32_t) r[6] << 8) | r[7];
	u->fmt.lrecl = ((uint32_t) r[8] << 8) | r[9];
	zf_dcb_recfm_text(r[10], u->fmt.recfm);
	st = next(arg, &r, &len, err);	/* COPYR2 */
	if (st == ZF_EOF)
		st = zf_error_set(err, ZF_E_FRAMING, "the unload ends after its COPYR1 record");
	if (st != ZF_OK)
		goto fail;
	/* the directory blocks, up to their end-of-file header */
	for (;;)
	{
		uint8_t		h[HDR_LEN];
		bool		end = false;

		st = stream_read(u, h, HDR_LEN, &end, err);
		if (st == ZF_OK && end)
			st = zf_error_set(err, ZF_E_FRAMING, "the unload ends inside its directory");
		if (st != ZF_OK)
			goto fail;
		if (h[9] == 0 && h[10] == 0 && h[11] == 0)
			break;
		if (h[9] != 8 || h[10] != 1 || h[11] != 0)
		{
			zf_archive_error(err, u->stream_pos - HDR_LEN, h, HDR_LEN,
							 "a directory block of the unload is not 8 key and 256 data bytes");
			goto fail;
		}
		st = stream_read(u, u->block, 264, NULL, err);
		if (st != ZF_OK)
			goto fail;
		if (!last && directory_block(u, u->block + 8, &last, err) != ZF_OK)
			goto fail;
	}
	if (build_order(u, err) != ZF_OK)
		goto fail;
	return u;

fail:
	zf_unload_close(u);
	return NULL;
}

/* The library's RECFM, LRECL and BLKSIZE, from COPYR1. */
const zf_dsformat *
zf_unload_format(const zf_unload *u)
{
	return &u->fmt;
}

/* The directory's entries (aliases included). */
uint32_t
zf_unload_member_count(const zf_unload *u)
{
	return u->n;
}

/* Directory entry i, in directory (name) order. */
const zf_pds_member *
zf_unload_member(const zf_unload *u, uint32_t i)
{
	return &u->members[i];
}

/* The next data block of a member. */
zf_status
zf_unload_next_block(zf_unload *u, const uint8_t **data, uint32_t *len,
					 uint32_t *member, zf_error *err)
{
	for (;;)
	{
		uint8_t		h[HDR_LEN];
		bool		end = false;
		uint32_t	kl,
					dl;
		zf_status	st = stream_read(u, h, HDR_LEN, &end, err);

		if (st != ZF_OK)
			return st;
		if (end)
			return ZF_EOF;
		kl = h[9];
		dl = ((uint32_t) h[10] << 8) | h[11];
		if (kl == 0 && dl == 0)
		{
			/* the end of a member's data */
			if (u->in_group)
				u->group++;
			u->in_group = false;
			continue;
		}
		if (dl == 0)
			return zf_archive_error(err, u->stream_pos - HDR_LEN, h, HDR_LEN,
									"a member block of the unload has a key but no data");
		if (!u->in_group)
		{
			const zf_pds_member *m;

			if (u->group >= u->norder)
				return zf_archive_error(err, u->stream_pos - HDR_LEN, h, HDR_LEN,
										"the unload holds more member data than its directory names");
			m = &u->members[u->order[u->group]];
			if (h[8] != (m->ttr & 0xFF))
				return zf_archive_error(err, u->stream_pos - HDR_LEN, h, HDR_LEN,
										"the data of member %s (TTR %06X) does not begin at its record",
										m->name, m->ttr);
			u->in_group = true;
		}
		st = stream_read(u, u->block, kl + dl, NULL, err);
		if (st != ZF_OK)
			return st;
		*data = u->block + kl;
		*len = dl;
		*member = u->order[u->group];
		return ZF_OK;
	}
}

/* Read every member block, counting bytes and records per member. */
zf_status
zf_unload_scan(zf_unload *u, zf_error *err)
{
	zf_deblock	d;
	bool		deblock = zf_deblock_init(&d, u->fmt.recfm, u->fmt.lrecl, NULL) == ZF_OK;

	for (;;)
	{
		const uint8_t *p;
		uint32_t	len,
					m;
		zf_status	st = zf_unload_next_block(u, &p, &len, &m, err);
		zf_pds_member *mm;

		if (st == ZF_EOF)
			break;
		if (st != ZF_OK)
			return st;
		mm = &u->members[m];
		mm->bytes += len;
		if (!deblock)
			continue;
		switch (d.framing)
		{
			case ZF_DS_FIXED:
				mm->records += len / d.lrecl;
				break;
			case ZF_DS_UNDEFINED:
				mm->records++;
				break;
			default:
				{
					zf_piece	piece;

					st = zf_deblock_block(&d, p, len, 0, &piece, err);
					if (st != ZF_OK)
						return st;
					for (uint32_t pos = 0; pos + 4 <= piece.len;)
					{
						uint32_t	l = ((uint32_t) piece.data[pos] << 8) | piece.data[pos + 1];

						if (d.framing == ZF_DS_VARIABLE || piece.data[pos + 2] == 0 ||
							piece.data[pos + 2] == 2)
							mm->records++;
						pos += l;
					}
				}
				break;
		}
	}
	/* aliases show the counts of the data they name */
	for (uint32_t i = 0; i < u->n; i++)
		for (uint32_t k = 0; k < u->norder; k++)
		{
			const zf_pds_member *r = &u->members[u->order[k]];

			if (r != &u->members[i] && r->ttr == u->members[i].ttr)
			{
				u->members[i].bytes = r->bytes;
				u->members[i].records = r->records;
			}
		}
	return ZF_OK;
}

/* Release the unload (not its record supplier); NULL is allowed. */
void
zf_unload_close(zf_unload *u)
{
	if (u == NULL)
		return;
	free(u->members);
	free(u->order);
	free(u);
}
