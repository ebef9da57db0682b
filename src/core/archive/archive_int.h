/*-------------------------------------------------------------------------
 *
 * archive_int.h
 *	  What the archive sources share inside src/core/archive: re-framing
 *	  a block for the record reader, the part of a source every archive
 *	  has (the piece being handed out, the map of members), EBCDIC label
 *	  text, member globs.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_ARCHIVE_INT_H
#define ZF_ARCHIVE_INT_H

#include "archive/archive.h"

/* How blocks are re-framed (archive.h's table). */
typedef struct zf_deblock
{
	zf_ds_framing framing;
	uint32_t	lrecl;			/* F: the record length */
} zf_deblock;

/* One block re-framed: an optional 4-byte prefix (U's RDW), then data. */
typedef struct zf_piece
{
	uint8_t		prefix[4];
	uint32_t	prefix_len;
	const uint8_t *data;
	uint32_t	len;
} zf_piece;

/*
 * Check one block of a data set and re-frame it into *piece (pointing into
 * blk).  offset: where the block lies, for messages.
 */
extern zf_status zf_deblock_block(const zf_deblock *d, const uint8_t *blk,
								  uint32_t len, uint64_t offset,
								  zf_piece *piece, zf_error *err);

/* The deblocking of a RECFM text with an LRECL (F needs one). */
extern zf_status zf_deblock_init(zf_deblock *d, const char *recfm,
								 uint32_t lrecl, zf_error *err);

/* ---- the source every archive builds on ---- */

typedef struct zf_member_start
{
	uint64_t	offset;			/* first byte handed out for it */
	char		name[9];
} zf_member_start;

typedef struct zf_archive_source zf_archive_source;

/*
 * Fill the next piece: ZF_OK, ZF_EOF at the end of the data set, or an
 * error.  A piece may be empty (it is skipped).
 */
typedef zf_status (*zf_archive_fill) (zf_archive_source *a, zf_piece *piece,
									  zf_error *err);
typedef void (*zf_archive_free) (zf_archive_source *a);
/* Read the handed-out bytes at an offset (sources with ZF_BYTES_RANGED). */
typedef zf_status (*zf_archive_read_at) (zf_archive_source *a, uint8_t *buf,
										 size_t n, uint64_t offset,
										 size_t *got, zf_error *err);

struct zf_archive_source
{
	zf_byte_source base;
	zf_archive_fill fill;
	zf_archive_free free_state;
	zf_archive_read_at read_at; /* NULL unless the opener sets it, with
								 * the caps ZF_BYTES_SIZED | RANGED */
	zf_piece	piece;
	uint32_t	piece_pos;		/* bytes of the piece handed out */
	uint64_t	out;			/* bytes handed out */
	zf_archive_desc desc;		/* filled by the opener */
	zf_member_start *members;	/* in offset order */
	uint32_t	nmembers;
	uint32_t	cap_members;
};

/* Create an archive source of state_size bytes over inner. */
extern zf_archive_source *zf_archive_source_new(size_t state_size,
												const char *name,
												zf_byte_source *inner,
												zf_archive_fill fill,
												zf_archive_free free_state,
												zf_error *err);

/* Note that the bytes handed out from now on belong to member name. */
extern zf_status zf_archive_member_begins(zf_archive_source *a,
										  const char *name, zf_error *err);

/*
 * Which directory entries of an unload a member glob selects: per entry,
 * the name its data is read under, or NULL (iebcopy.c's members).
 */
extern zf_status zf_unload_select(zf_unload *u, const char *glob,
								  const char ***names, zf_error *err);

/* ---- helpers ---- */

/* EBCDIC (cp037) bytes to ASCII text, n bytes, trailing blanks trimmed. */
extern void zf_label_text(char *dst, const uint8_t *src, size_t n);
/* A DCB RECFM byte as text ("FB", "VBS", "U", ...) into out (room for 5). */
extern void zf_dcb_recfm_text(uint8_t r, char *out);
/* n EBCDIC digits (blanks allowed before/after) to a number; false if not */
extern bool zf_label_number(const uint8_t *src, size_t n, uint64_t *out);
/* ASCII text to EBCDIC (cp037) for comparison, letters, digits, $#@.-_ */
extern void zf_label_ebcdic(uint8_t *dst, const char *src, size_t n);
/* A member glob (* ? [..], upper-cased) matches a name. */
extern bool zf_member_glob_match(const char *glob, const char *name);

/* A framing error at offset with the bytes there as detail. */
extern zf_status zf_archive_error(zf_error *err, uint64_t offset,
								  const uint8_t *p, size_t n,
								  const char *fmt,...)
			__attribute__((format(printf, 5, 6)));

/*
 * The flags byte of an AWSTAPE/HET chunk header (6 bytes: this chunk's
 * length and the previous chunk's, little-endian, then the flags), read
 * by the tape source (awstape.c) and by the block map (tape_map.c).
 */
#define ZF_AWS_FLAG_BOR			0x80	/* the chunk begins a block */
#define ZF_AWS_FLAG_MARK		0x40	/* a tape mark */
#define ZF_AWS_FLAG_EOR			0x20	/* the chunk ends a block */
#define ZF_AWS_FLAG_COMPRESS	0x03	/* HET: compressed, by ... */
#define ZF_AWS_FLAG_ZLIB		0x01	/* ... zlib */
#define ZF_AWS_FLAG_BZIP2		0x02	/* ... bzip2 */
#define ZF_AWS_FLAG_KNOWN		(ZF_AWS_FLAG_BOR | ZF_AWS_FLAG_MARK | \
								 ZF_AWS_FLAG_EOR | ZF_AWS_FLAG_COMPRESS)

#endif							/* ZF_ARCHIVE_INT_H */
