/*-------------------------------------------------------------------------
 *
 * record_writer.c
 *	  Logical records into fb, vb or vb_bdw framing on a byte sink.
 *
 * fb and vb records go to the sink as they come (the sink buffers); a
 * vb_bdw block is assembled in a buffer of blksize bytes, because its BDW
 * must say its length before its records.
 *
 *-------------------------------------------------------------------------
 */
#include "records/record_writer.h"

#include <stdlib.h>
#include <string.h>

struct zf_record_writer
{
	zf_writer_opts o;
	zf_byte_sink *sink;
	uint8_t    *block;			/* vb_bdw: the block, BDW room first */
	uint32_t	block_used;		/* bytes in block, BDW included; 0 empty */
	uint64_t	records;
	uint64_t	bytes;
};

void
zf_writer_opts_default(zf_writer_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->recfm = ZF_RECFM_VB;
	o->rdw_big_endian = true;
	o->rdw_includes_header = true;
}

zf_record_writer *
zf_record_writer_new(zf_byte_sink *sink, const zf_writer_opts *o,
					 zf_error *err)
{
	zf_record_writer *w;

	if (o->recfm != ZF_RECFM_FB && o->recfm != ZF_RECFM_VB &&
		o->recfm != ZF_RECFM_VB_BDW)
	{
		zf_error_set(err, ZF_E_ARG, "records can be written as fb, vb or vb_bdw only");
		return NULL;
	}
	if (o->recfm == ZF_RECFM_FB && o->lrecl == 0)
	{
		zf_error_set(err, ZF_E_ARG, "an fb record length of 0 bytes");
		return NULL;
	}
	if (o->recfm == ZF_RECFM_VB_BDW && o->blksize != 0 &&
		(o->blksize < 9 || o->blksize > ZF_MAX_VB_BLKSIZE))
	{
		zf_error_set(err, ZF_E_ARG, "invalid block size %u", o->blksize);
		zf_error_detail(err, "A RECFM VB block holds 9 to %d bytes.", ZF_MAX_VB_BLKSIZE);
		return NULL;
	}
	w = calloc(1, sizeof(*w));
	if (w == NULL)
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory for a record writer");
		return NULL;
	}
	w->o = *o;
	w->sink = sink;
	if (o->recfm == ZF_RECFM_VB_BDW)
	{
		if (w->o.blksize == 0)
			w->o.blksize = ZF_MAX_VB_BLKSIZE;
		w->block = malloc(w->o.blksize);
		if (w->block == NULL)
		{
			free(w);
			zf_error_set(err, ZF_E_NOMEM, "out of memory for a record writer");
			return NULL;
		}
	}
	return w;
}

/* Put a descriptor word for length into dw, as the options say. */
static void
put_rdw(const zf_writer_opts *o, uint32_t len, uint8_t *dw)
{
	uint32_t	v = o->rdw_includes_header ? len + 4 : len;

	if (o->rdw_big_endian)
	{
		dw[0] = (uint8_t) (v >> 8);
		dw[1] = (uint8_t) v;
		dw[2] = dw[3] = 0;
	}
	else
	{
		/* the word reversed: 00 00 LL HH (see descriptor.h) */
		dw[0] = dw[1] = 0;
		dw[2] = (uint8_t) v;
		dw[3] = (uint8_t) (v >> 8);
	}
}

zf_status
zf_record_writer_flush(zf_record_writer *w, zf_error *err)
{
	zf_status	st;

	if (w->block == NULL || w->block_used == 0)
		return ZF_OK;
	w->block[0] = (uint8_t) (w->block_used >> 8);
	w->block[1] = (uint8_t) w->block_used;
	w->block[2] = w->block[3] = 0;
	st = zf_sink_write(w->sink, w->block, w->block_used, err);
	w->bytes += w->block_used;
	w->block_used = 0;
	return st;
}

zf_status
zf_record_write(zf_record_writer *w, const uint8_t *rec, uint32_t len,
				zf_error *err)
{
	uint8_t		rdw[4];
	zf_status	st;

	if (w->o.recfm == ZF_RECFM_FB)
	{
		if (len != w->o.lrecl)
			return zf_error_set(err, ZF_E_FRAMING,
								"record of %u bytes in a file of fixed %u-byte records",
								len, w->o.lrecl);
		st = zf_sink_write(w->sink, rec, len, err);
		w->bytes += len;
		w->records++;
		return st;
	}
	if (len == 0 || len > ZF_MAX_RDW_LENGTH)
	{
		zf_error_set(err, ZF_E_LIMIT,
					 "a variable-length record of %u bytes cannot be written", len);
		zf_error_detail(err, "A record descriptor holds 1 to %d data bytes.",
						ZF_MAX_RDW_LENGTH);
		zf_error_limit(err, ZF_LIMIT_RECORD_LENGTH);
		return ZF_E_LIMIT;
	}
	put_rdw(&w->o, len, rdw);
	if (w->o.recfm == ZF_RECFM_VB)
	{
		st = zf_sink_write(w->sink, rdw, 4, err);
		if (st == ZF_OK)
			st = zf_sink_write(w->sink, rec, len, err);
		w->bytes += 4 + (uint64_t) len;
		w->records++;
		return st;
	}
	/* vb_bdw */
	if (len + 8 > w->o.blksize)
	{
		zf_error_set(err, ZF_E_LIMIT,
					 "a record of %u bytes does not fit a block of %u bytes",
					 len, w->o.blksize);
		zf_error_detail(err, "A block holds its 4-byte BDW and records with their 4-byte RDW.");
		zf_error_limit(err, ZF_LIMIT_RECORD_LENGTH);
		return ZF_E_LIMIT;
	}
	if (w->block_used + 4 + len > w->o.blksize)
	{
		st = zf_record_writer_flush(w, err);
		if (st != ZF_OK)
			return st;
	}
	if (w->block_used == 0)
		w->block_used = 4;
	memcpy(w->block + w->block_used, rdw, 4);
	memcpy(w->block + w->block_used + 4, rec, len);
	w->block_used += 4 + len;
	w->records++;
	return ZF_OK;
}

uint64_t
zf_record_writer_records(const zf_record_writer *w)
{
	return w->records;
}

uint64_t
zf_record_writer_bytes(const zf_record_writer *w)
{
	return w->bytes + w->block_used;
}

void
zf_record_writer_free(zf_record_writer *w)
{
	if (w == NULL)
		return;
	free(w->block);
	free(w);
}
