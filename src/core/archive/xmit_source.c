/*-------------------------------------------------------------------------
 *
 * xmit_source.c
 *	  A data set of a TSO TRANSMIT file, or members of the library in it,
 *	  as a byte source re-framed for the record reader (archive.h).
 *
 * A sequential data set's data records are records (z/OS TRANSMIT) or
 * blocks of fixed-length records (XMIT370): fixed-length ones are handed
 * out back to back, each checked to be a whole number of records; other
 * formats' records travel without descriptors and get an RDW each.  A
 * library's data records are its IEBCOPY unload: the members' blocks are
 * re-framed by the library's RECFM.
 *
 *-------------------------------------------------------------------------
 */
#include "archive/netdata_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct xmit_source
{
	zf_archive_source a;
	zf_netdata	nd;
	zf_xmit_info info;
	zf_deblock	d;
	bool		records_need_rdw;	/* sequential V, VS, U records */
	zf_unload  *u;
	const char **member_name;
	uint32_t	cur_member;
} xmit_source;

/* Sequential: the next data record, re-framed. */
static zf_status
fill_sequential(zf_archive_source *a, zf_piece *piece, zf_error *err)
{
	xmit_source *xs = (xmit_source *) a;
	const uint8_t *p;
	uint32_t	len;
	zf_status	st = zf_nd_next_data(&xs->nd, &p, &len, err);

	if (st != ZF_OK)
		return st;
	if (xs->records_need_rdw)
	{
		zf_deblock	u = {ZF_DS_UNDEFINED, 0};

		if (len == 0)
		{
			piece->len = 0;		/* an empty record is no record */
			piece->prefix_len = 0;
			return ZF_OK;
		}
		return zf_deblock_block(&u, p, len, xs->nd.rec_offset, piece, err);
	}
	return zf_deblock_block(&xs->d, p, len, xs->nd.rec_offset, piece, err);
}

/* Members: the next block of a selected member, re-framed. */
static zf_status
fill_members(zf_archive_source *a, zf_piece *piece, zf_error *err)
{
	xmit_source *xs = (xmit_source *) a;

	for (;;)
	{
		const uint8_t *p;
		uint32_t	len,
					m;
		zf_status	st = zf_unload_next_block(xs->u, &p, &len, &m, err);

		if (st != ZF_OK)
			return st;
		if (xs->member_name[m] == NULL)
			continue;
		if (m != xs->cur_member)
		{
			st = zf_archive_member_begins(a, xs->member_name[m], err);
			if (st != ZF_OK)
				return st;
			xs->cur_member = m;
		}
		return zf_deblock_block(&xs->d, p, len, 0, piece, err);
	}
}

/* Release the NETDATA reader, the unload and the member names. */
static void
free_xmit_source(zf_archive_source *a)
{
	xmit_source *xs = (xmit_source *) a;

	zf_nd_free(&xs->nd);
	if (xs->u)
		zf_unload_close(xs->u);
	free((void *) xs->member_name);
}

/* A source of the data set (or members) opts names. */
zf_byte_source *
zf_xmit_source_open(zf_byte_source *inner, const zf_xmit_opts *opts,
					zf_error *err)
{
	xmit_source *xs;
	const zf_xmit_file *f;
	const char *recfm;
	uint32_t	lrecl;

	xs = (xmit_source *) zf_archive_source_new(sizeof(xmit_source),
											   zf_bytes_name(inner), inner,
											   (opts->member && opts->member[0]) ?
											   fill_members : fill_sequential,
											   free_xmit_source, err);
	if (xs == NULL)
		return NULL;
	xs->cur_member = UINT32_MAX;
	zf_nd_init(&xs->nd, inner);
	if (zf_nd_read_header(&xs->nd, &xs->info, err) != ZF_OK ||
		zf_xmit_choose(&xs->info, opts, &f, err) != ZF_OK ||
		zf_nd_seek_file(&xs->nd, zf_nd_file_index(&xs->info, f), err) != ZF_OK)
		goto fail;
	if (f->partitioned)
	{
		xs->u = zf_unload_open(zf_nd_unload_records, &xs->nd, err);
		if (xs->u == NULL ||
			zf_unload_select(xs->u, opts->member, &xs->member_name, err) != ZF_OK)
			goto fail;
		recfm = opts->recfm ? opts->recfm : zf_unload_format(xs->u)->recfm;
		lrecl = opts->lrecl ? opts->lrecl : zf_unload_format(xs->u)->lrecl;
	}
	else
	{
		recfm = opts->recfm ? opts->recfm : f->fmt.recfm;
		lrecl = opts->lrecl ? opts->lrecl : f->fmt.lrecl;
	}
	if (zf_deblock_init(&xs->d, recfm, lrecl, err) != ZF_OK)
		goto fail;
	xs->records_need_rdw = !f->partitioned && xs->d.framing != ZF_DS_FIXED;
	xs->a.desc.kind = ZF_CONTAINER_XMIT;
	xs->a.desc.labeled = true;
	xs->a.desc.file = f->number;
	snprintf(xs->a.desc.dsname, sizeof(xs->a.desc.dsname), "%s", f->dsname);
	xs->a.desc.label_fmt = f->fmt;
	xs->a.desc.members = f->partitioned;
	xs->a.desc.fmt = f->partitioned ? *zf_unload_format(xs->u) : f->fmt;
	snprintf(xs->a.desc.fmt.recfm, sizeof(xs->a.desc.fmt.recfm), "%s", recfm);
	xs->a.desc.fmt.lrecl = lrecl;
	snprintf(xs->a.desc.sequential, sizeof(xs->a.desc.sequential), "%s",
			 f->partitioned ? "members of a library are read in order" :
			 "an XMIT file's records are cut into NETDATA segments, read in order");
	return &xs->a.base;

fail:
	xs->a.base.inner = NULL;	/* the caller keeps inner on failure */
	zf_bytes_close(&xs->a.base, NULL);
	return NULL;
}
