/*-------------------------------------------------------------------------
 *
 * netdata_int.h
 *	  The NETDATA record reader (netdata.c), shared with the XMIT source
 *	  (xmit_source.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_NETDATA_INT_H
#define ZF_NETDATA_INT_H

#include "archive/archive_int.h"

typedef struct zf_netdata
{
	zf_byte_source *inner;
	uint64_t	pos;			/* bytes of inner read */
	uint64_t	rec_offset;		/* where the current record began */
	uint8_t    *rec;			/* the record assembled from segments */
	uint32_t	len;
	uint32_t	cap;
	bool		pending;		/* rec is kept back for the next call */
	bool		pending_control;
	bool		finished;		/* INMR06 read */
	uint32_t	ninmr03;		/* INMR03 records read */
} zf_netdata;

extern void zf_nd_init(zf_netdata *nd, zf_byte_source *inner);
extern void zf_nd_free(zf_netdata *nd);
extern zf_status zf_nd_next(zf_netdata *nd, bool *control,
							const uint8_t **data, uint32_t *len,
							zf_error *err);
extern void zf_nd_push_back(zf_netdata *nd, bool control);
extern int	zf_nd_control_kind(const uint8_t *p, uint32_t len);
extern zf_status zf_nd_read_header(zf_netdata *nd, zf_xmit_info *info,
								   zf_error *err);
extern zf_status zf_nd_seek_file(zf_netdata *nd, uint32_t idx, zf_error *err);
extern zf_status zf_nd_next_data(zf_netdata *nd, const uint8_t **p,
								 uint32_t *len, zf_error *err);
extern uint32_t zf_nd_file_index(const zf_xmit_info *info,
								 const zf_xmit_file *f);
extern zf_status zf_nd_unload_records(void *arg, const uint8_t **data,
									  uint32_t *len, zf_error *err);

#endif							/* ZF_NETDATA_INT_H */
