/*-------------------------------------------------------------------------
 *
 * record_writer.h
 *	  Record framing for writing: logical records into fb, vb or vb_bdw
 *	  bytes on a byte sink (the reverse of record_reader.h).
 *
 *	 fb		 each record exactly lrecl bytes, nothing around it
 *	 vb		 a 4-byte RDW before each record: the length (with the RDW's 4
 *			 bytes unless rdw_includes_header is false) in two bytes, big
 *			 endian unless rdw_big_endian is false, then two zero bytes
 *	 vb_bdw	 RDW records gathered into blocks of at most blksize bytes,
 *			 each block preceded by a BDW: its length (with the BDW) in two
 *			 big-endian bytes, then two zero bytes, as z/OS writes RECFM VB.
 *			 A record that does not fit the current block starts a new one;
 *			 a record longer than a block is ZF_E_LIMIT (no spanning)
 *
 * A record longer than 32752 data bytes cannot have an RDW (its length has
 * 15 bits on z/OS, 16 here) and is an error, as is an fb record of the
 * wrong length.  The writer counts records and bytes.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_RECORD_WRITER_H
#define ZF_RECORD_WRITER_H

#include "base/status.h"
#include "io/byte_sink.h"
#include "records/record_reader.h"

/* The largest BLKSIZE of RECFM VB on z/OS, and of one record's RDW. */
#define ZF_MAX_VB_BLKSIZE	32760
#define ZF_MAX_RDW_LENGTH	32756

typedef struct zf_writer_opts
{
	zf_recfm	recfm;			/* fb, vb or vb_bdw */
	uint32_t	lrecl;			/* fb: the record length */
	bool		rdw_big_endian; /* z/OS: true */
	bool		rdw_includes_header;	/* z/OS: true */
	uint32_t	blksize;		/* vb_bdw: block size, BDW included (0:
								 * ZF_MAX_VB_BLKSIZE) */
} zf_writer_opts;

typedef struct zf_record_writer zf_record_writer;

/* z/OS defaults: vb with big-endian RDWs that count themselves. */
extern void zf_writer_opts_default(zf_writer_opts *o);

/*
 * A writer of records onto sink (which stays the caller's).  ZF_E_ARG for
 * a format the writer does not write (vbs, text) or a bad size.
 */
extern zf_record_writer *zf_record_writer_new(zf_byte_sink *sink,
											  const zf_writer_opts *o,
											  zf_error *err);

/* Write one record of len bytes. */
extern zf_status zf_record_write(zf_record_writer *w, const uint8_t *rec,
								 uint32_t len, zf_error *err);

/*
 * Write out the block being filled (vb_bdw); the other formats hold
 * nothing back.  Call before syncing the sink.
 */
extern zf_status zf_record_writer_flush(zf_record_writer *w, zf_error *err);

/* Records and bytes (descriptors included) written so far. */
extern uint64_t zf_record_writer_records(const zf_record_writer *w);
extern uint64_t zf_record_writer_bytes(const zf_record_writer *w);

/* Free the writer (not the sink); a block not flushed is lost. */
extern void zf_record_writer_free(zf_record_writer *w);

#endif							/* ZF_RECORD_WRITER_H */
