/*-------------------------------------------------------------------------
 *
 * unload_file.c
 *	  A standalone IEBCOPY unload kept as a plain file: the members of the
 *	  library in it as a byte source (container 'iebcopy'), its listing,
 *	  and its recognition by content.
 *
 * An unload data set has RECFM VS: its logical records (COPYR1, COPYR2,
 * then the stream of directory and member blocks, iebcopy.c) are cut into
 * segments.  Kept as a file, each logical record stands behind a 4-byte
 * descriptor: an RDW (LL LL 00 00), or its segments each behind an SDW
 * (LL LL cc 00, cc the segment code: 0 whole, 1 first, 2 last, 3 middle),
 * optionally inside blocks behind a BDW (LL LL 00 00), as the data set's
 * blocks lie on disk or tape.  Which of the two (with or without BDWs) is
 * told by where COPYR1's X'CA6D0F' lies: bytes 5-7 without, 9-11 with.
 * Every descriptor is checked: its reserved byte, its segment code and
 * order, its length within its block; a record is at most
 * ZF_XMIT_MAX_RECORD bytes.
 *
 *-------------------------------------------------------------------------
 */
#include "archive/archive_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The logical records of an unload file. */
typedef struct unload_reader
{
	zf_byte_source *inner;
	bool		bdw;			/* segments inside BDW blocks */
	uint8_t		head[8];		/* the first bytes, read to tell the form */
	uint32_t	head_len;
	uint32_t	head_pos;
	uint32_t	blk_left;		/* bytes of the current block still to read */
	uint64_t	pos;			/* file offset of the next byte */
	uint8_t    *rec;			/* the record being joined */
	uint32_t	rec_cap;
} unload_reader;

/* Is this a record or segment descriptor that may start COPYR1? */
static bool
first_descriptor(const uint8_t *q)
{
	uint32_t	l = ((uint32_t) q[0] << 8) | q[1];

	return l >= 4 + 11 && (q[2] == 0 || q[2] == 1) && q[3] == 0;
}

/* X'CA6D0F' at bytes 1-3 of COPYR1 at p. */
static bool
copyr1_at(const uint8_t *p)
{
	return p[1] == 0xCA && p[2] == 0x6D && p[3] == 0x0F;
}

/*
 * An unload file, by its first bytes: a descriptor, then COPYR1's
 * identifier; or a BDW, a descriptor inside it, then the identifier.
 */
bool
zf_unload_detect(const uint8_t *p, size_t n)
{
	if (n >= 8 && first_descriptor(p) && copyr1_at(p + 4))
		return true;
	if (n >= 12 && p[2] == 0 && p[3] == 0 &&
		(((uint32_t) p[0] << 8) | p[1]) >= 8 + 11 &&
		first_descriptor(p + 4) && copyr1_at(p + 8))
		return true;
	return false;
}

/* Exactly n bytes of the file (the head first); *got < n only at its end. */
static zf_status
ur_read(unload_reader *r, uint8_t *buf, uint32_t n, uint32_t *got,
		zf_error *err)
{
	uint32_t	done = 0;

	while (done < n && r->head_pos < r->head_len)
		buf[done++] = r->head[r->head_pos++];
	if (done < n)
	{
		size_t		k = 0;
		zf_status	st = zf_bytes_read_full(r->inner, buf + done, n - done, &k, err);

		if (st != ZF_OK)
			return st;
		done += (uint32_t) k;
	}
	r->pos += done;
	*got = done;
	return ZF_OK;
}

/* Start reading: the first 8 bytes tell whether blocks have BDWs. */
static zf_status
ur_start(unload_reader *r, zf_byte_source *inner, zf_error *err)
{
	size_t		k = 0;
	zf_status	st;

	memset(r, 0, sizeof(*r));
	r->inner = inner;
	st = zf_bytes_read_full(inner, r->head, sizeof(r->head), &k, err);
	if (st != ZF_OK)
		return st;
	r->head_len = (uint32_t) k;
	r->bdw = k == 8 && !copyr1_at(r->head + 4) && first_descriptor(r->head + 4);
	return ZF_OK;
}

/* The next logical record, its segments joined (zf_record_supplier). */
static zf_status
ur_next(void *arg, const uint8_t **data, uint32_t *len, zf_error *err)
{
	unload_reader *r = arg;
	uint32_t	have = 0;
	bool		open = false;

	for (;;)
	{
		uint8_t		d[4];
		uint32_t	got,
					l;
		uint64_t	at = r->pos;
		zf_status	st;

		if (r->bdw && r->blk_left == 0)
		{
			st = ur_read(r, d, 4, &got, err);
			if (st != ZF_OK)
				return st;
			if (got == 0 && !open)
				return ZF_EOF;
			l = ((uint32_t) d[0] << 8) | d[1];
			if (got < 4 || d[2] != 0 || d[3] != 0 || l <= 4)
				return zf_archive_error(err, at, d, got,
										"a block descriptor of the unload is damaged");
			r->blk_left = l - 4;
			continue;
		}
		st = ur_read(r, d, 4, &got, err);
		if (st != ZF_OK)
			return st;
		if (got == 0 && !open && !r->bdw)
			return ZF_EOF;
		l = ((uint32_t) d[0] << 8) | d[1];
		if (got < 4)
			return zf_archive_error(err, at, d, got, "the unload ends inside a record descriptor");
		if (l < 4 || d[2] > 3 || d[3] != 0)
			return zf_archive_error(err, at, d, 4, "a record descriptor of the unload is damaged");
		if (r->bdw)
		{
			if (l > r->blk_left)
				return zf_archive_error(err, at, d, 4,
										"a record descriptor of the unload runs past its block");
			r->blk_left -= l;
		}
		if ((d[2] == 0 || d[2] == 1) == open)
			return zf_archive_error(err, at, d, 4, "a segment descriptor out of order");
		if (l - 4 > ZF_XMIT_MAX_RECORD - have)
			return zf_error_set(err, ZF_E_LIMIT, "a record of the unload is longer than %d bytes",
								ZF_XMIT_MAX_RECORD);
		/* never a NULL record, even for empty segments */
		if (have + l - 4 > r->rec_cap || r->rec == NULL)
		{
			uint32_t	cap = r->rec_cap ? r->rec_cap : 4096;
			uint8_t    *p;

			while (cap < have + l - 4)
				cap *= 2;
			p = realloc(r->rec, cap);
			if (p == NULL)
				return zf_error_set(err, ZF_E_NOMEM, "out of memory joining a record of the unload");
			r->rec = p;
			r->rec_cap = cap;
		}
		st = ur_read(r, r->rec + have, l - 4, &got, err);
		if (st != ZF_OK)
			return st;
		if (got < l - 4)
			return zf_archive_error(err, r->pos, NULL, 0, "the unload ends inside a record");
		have += l - 4;
		if (d[2] == 0 || d[2] == 2)
		{
			*data = r->rec;
			*len = have;
			return ZF_OK;
		}
		open = true;
	}
}

/* ---- the source ---- */

typedef struct unload_source
{
	zf_archive_source a;
	unload_reader r;
	zf_unload  *u;
	const char **member_name;
	uint32_t	cur_member;
	zf_deblock	d;
} unload_source;

/* The next block of a selected member, re-framed. */
static zf_status
fill_members(zf_archive_source *a, zf_piece *piece, zf_error *err)
{
	unload_source *us = (unload_source *) a;

	for (;;)
	{
		const uint8_t *p;
		uint32_t	len,
					m;
		zf_status	st = zf_unload_next_block(us->u, &p, &len, &m, err);

		if (st != ZF_OK)
			return st;
		if (us->member_name[m] == NULL)
			continue;
		if (m != us->cur_member)
		{
			st = zf_archive_member_begins(a, us->member_name[m], err);
			if (st != ZF_OK)
				return st;
			us->cur_member = m;
		}
		return zf_deblock_block(&us->d, p, len, 0, piece, err);
	}
}

static void
free_unload_source(zf_archive_source *a)
{
	unload_source *us = (unload_source *) a;

	if (us->u)
		zf_unload_close(us->u);
	free((void *) us->member_name);
	free(us->r.rec);
}

/* A source of the members of an unload file that opts->member selects. */
zf_byte_source *
zf_unload_source_open(zf_byte_source *inner, const zf_xmit_opts *opts,
					  zf_error *err)
{
	unload_source *us;
	const zf_dsformat *fmt;
	const char *recfm;
	uint32_t	lrecl;

	if (opts->member == NULL || opts->member[0] == '\0')
	{
		zf_error_set(err, ZF_E_ARG, "an IEBCOPY unload is read by member");
		zf_error_hint(err, "Name the members to read with the member option, a name or a glob such as '*'.");
		return NULL;
	}
	us = (unload_source *) zf_archive_source_new(sizeof(unload_source),
												 zf_bytes_name(inner), inner,
												 fill_members, free_unload_source, err);
	if (us == NULL)
		return NULL;
	us->cur_member = UINT32_MAX;
	if (ur_start(&us->r, inner, err) != ZF_OK)
		goto fail;
	us->u = zf_unload_open(ur_next, &us->r, err);
	if (us->u == NULL ||
		zf_unload_select(us->u, opts->member, &us->member_name, err) != ZF_OK)
		goto fail;
	fmt = zf_unload_format(us->u);
	recfm = opts->recfm ? opts->recfm : fmt->recfm;
	lrecl = opts->lrecl ? opts->lrecl : fmt->lrecl;
	if (zf_deblock_init(&us->d, recfm, lrecl, err) != ZF_OK)
		goto fail;
	us->a.desc.kind = ZF_CONTAINER_IEBCOPY;
	us->a.desc.labeled = true;
	us->a.desc.file = 1;
	us->a.desc.label_fmt = *fmt;
	us->a.desc.members = true;
	us->a.desc.fmt = *fmt;
	snprintf(us->a.desc.fmt.recfm, sizeof(us->a.desc.fmt.recfm), "%s", recfm);
	us->a.desc.fmt.lrecl = lrecl;
	snprintf(us->a.desc.sequential, sizeof(us->a.desc.sequential),
			 "members of a library are read in order");
	return &us->a.base;

fail:
	us->a.base.inner = NULL;	/* the caller keeps inner on failure */
	zf_bytes_close(&us->a.base, NULL);
	return NULL;
}

/*
 * List an unload file as xmit_contents lists an XMIT's library: the
 * library (file 1, DSORG PO, utility IEBCOPY, COPYR1's format), then each
 * member with its counts and ISPF statistics.
 */
zf_status
zf_unload_file_contents(zf_byte_source *inner, zf_xmit_member_cb cb,
						void *arg, zf_error *err)
{
	unload_reader r;
	zf_unload  *u = NULL;
	zf_xmit_file f;
	zf_status	st;

	memset(&f, 0, sizeof(f));
	st = ur_start(&r, inner, err);
	if (st == ZF_OK)
	{
		u = zf_unload_open(ur_next, &r, err);
		if (u == NULL)
			st = err ? err->status : ZF_E_FRAMING;
	}
	if (st == ZF_OK)
		st = zf_unload_scan(u, err);
	if (st == ZF_OK)
	{
		f.number = 1;
		f.partitioned = true;
		snprintf(f.utility, sizeof(f.utility), "IEBCOPY");
		snprintf(f.dsorg, sizeof(f.dsorg), "PO");
		f.fmt = *zf_unload_format(u);
		st = cb(arg, &f, NULL, err);
	}
	for (uint32_t m = 0; st == ZF_OK && m < zf_unload_member_count(u); m++)
		st = cb(arg, &f, zf_unload_member(u, m), err);
	if (u)
		zf_unload_close(u);
	free(r.rec);
	return st;
}
