/*-------------------------------------------------------------------------
 *
 * tape_int.h
 *	  Walking a tape image file by file (tape_labels.c), shared with the
 *	  tape source (tape_source.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_TAPE_INT_H
#define ZF_TAPE_INT_H

#include "archive/archive_int.h"

typedef struct zf_tape_walk
{
	zf_tape    *t;
	bool		labeled;
	bool		at_end;			/* no more files on this volume */
	char		volser[7];
	uint32_t	nl_file;		/* unlabeled: files started */
	/* one item read ahead and kept back */
	bool		have_item;
	zf_tape_item item;
	const uint8_t *item_data;
	uint32_t	item_len;
} zf_tape_walk;

extern zf_status zf_tape_walk_start(zf_tape_walk *w, zf_byte_source *inner,
									zf_error *err);
extern void zf_tape_walk_end(zf_tape_walk *w);
extern zf_status zf_tape_walk_item(zf_tape_walk *w, zf_tape_item *item,
								   const uint8_t **p, uint32_t *len,
								   zf_error *err);
extern zf_status zf_tape_walk_next_file(zf_tape_walk *w, zf_tape_file *f,
										bool *found, zf_error *err);
extern zf_status zf_tape_walk_trailer(zf_tape_walk *w, zf_tape_file *f,
									  zf_error *err);
extern zf_status zf_tape_walk_skip_data(zf_tape_walk *w, zf_tape_file *f,
										zf_error *err);
extern zf_status zf_tape_walk_find(zf_tape_walk *w, const zf_tape_opts *opts,
								   zf_tape_file *f, zf_error *err);
extern bool zf_tape_file_wanted(const zf_tape_opts *opts,
								const zf_tape_file *f);
extern void zf_tape_count_block(zf_tape_file *f, uint32_t len);
/* The image offset of the walk's next item (kept back, or to be read). */
extern uint64_t zf_tape_walk_offset(const zf_tape_walk *w);

/* ---- the block map of a fixed-length data set (tape_map.c) ---- */

typedef struct zf_tape_map zf_tape_map;

/*
 * Map the data set whose first header lies at start (labeled: its trailer
 * follows the tape mark): *out, or NULL with the reason in why.
 */
extern zf_status zf_tape_map_build(zf_byte_source *inner, uint64_t start,
								   bool labeled, uint32_t lrecl,
								   zf_tape_map **out, char *why,
								   size_t whylen, zf_error *err);
extern uint64_t zf_tape_map_size(const zf_tape_map *m);
extern uint64_t zf_tape_map_blocks(const zf_tape_map *m);
extern zf_status zf_tape_map_read_at(const zf_tape_map *m,
									 zf_byte_source *inner, uint8_t *buf,
									 size_t n, uint64_t offset, size_t *got,
									 zf_error *err);
extern void zf_tape_map_free(zf_tape_map *m);

#endif							/* ZF_TAPE_INT_H */
