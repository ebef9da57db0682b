/*-------------------------------------------------------------------------
 *
 * s3_access.c
 *	  Everything PostgreSQL adds around core's S3 sources: the server
 *	  options (aws_region, s3_endpoint, s3_url_style), the credentials
 *	  the SQL/MED way, the timeouts and retries as settings, the sizes of
 *	  listed objects, and errors as ereports.
 *
 * Credentials come from the first of:
 *	 1. the user mapping of the current user (or PUBLIC) for the server:
 *		aws_access_key_id, aws_secret_access_key, aws_session_token;
 *	 2. the server process's AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 *		AWS_SESSION_TOKEN;
 *	 3. the shared credentials file of the server's OS user
 *		(AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials), profile
 *		AWS_PROFILE or default;
 * and without any, requests go unsigned (public buckets).  A subscription
 * worker takes the first only (zfdw_s3_mapping_only): it acts for its
 * owner, never with what the server process holds.  Secrets are
 * passed to core and never appear in a message here: user mapping options
 * are readable in pg_user_mappings only by the user and the server's
 * owner, as postgres_fdw's passwords are.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <pwd.h>
#include <unistd.h>

#include "access/reloptions.h"
#include "catalog/pg_user_mapping.h"
#include "commands/defrem.h"
#include "foreign/foreign.h"
#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "access/xact.h"

#include "modify/modify.h"
#include "scan/s3_access.h"

int			zfdw_s3_connect_timeout = 10000;
int			zfdw_s3_read_timeout = 30000;
int			zfdw_s3_max_retries = 5;
bool		zfdw_s3_mapping_only = false;

/* Define the S3 settings (from _PG_init). */
void
zfdw_s3_define_settings(void)
{
	DefineCustomIntVariable("zfdw.s3_connect_timeout",
							"How long to wait for a connection to an S3 endpoint.",
							NULL, &zfdw_s3_connect_timeout, 10000, 100, 600000,
							PGC_USERSET, GUC_UNIT_MS, NULL, NULL, NULL);
	DefineCustomIntVariable("zfdw.s3_read_timeout",
							"How long an S3 transfer may send nothing before it is retried.",
							NULL, &zfdw_s3_read_timeout, 30000, 100, 3600000,
							PGC_USERSET, GUC_UNIT_MS, NULL, NULL, NULL);
	DefineCustomIntVariable("zfdw.s3_max_retries",
							"Retries of an S3 request that failed for a reason that may pass.",
							"5xx answers, throttling, dropped connections, truncated bodies and read timeouts are retried with exponential backoff.",
							&zfdw_s3_max_retries, 5, 0, 100,
							PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("zfdw.s3_part_size",
							"The size of the parts of an object written to S3.",
							"INSERT into a table over an s3:// object holds one part in memory and sends it when it is full; S3 wants parts of 5 MB to 5 GB.",
							&zfdw_s3_part_size_kb, 8192, 5120, 5 * 1024 * 1024,
							PGC_USERSET, GUC_UNIT_KB, NULL, NULL, NULL);
}

/* The options of the user mapping of userid (or PUBLIC), or NIL. */
static List *
user_mapping_options(Oid userid, Oid serverid)
{
	HeapTuple	tp;
	Datum		datum;
	bool		isnull;
	List	   *options = NIL;

	tp = SearchSysCache2(USERMAPPINGUSERSERVER, ObjectIdGetDatum(userid),
						 ObjectIdGetDatum(serverid));
	if (!HeapTupleIsValid(tp))
		tp = SearchSysCache2(USERMAPPINGUSERSERVER, ObjectIdGetDatum(InvalidOid),
							 ObjectIdGetDatum(serverid));
	if (!HeapTupleIsValid(tp))
		return NIL;
	datum = SysCacheGetAttr(USERMAPPINGUSERSERVER, tp,
							Anum_pg_user_mapping_umoptions, &isnull);
	if (!isnull)
		options = untransformRelOptions(datum);
	ReleaseSysCache(tp);
	return options;
}

/* An environment variable, or NULL when unset or empty. */
static const char *
env(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

/* The credentials file's keys, copied into palloc'd memory. */
static void
credentials_from_file(zf_s3_config *cfg)
{
	const char *path = env("AWS_SHARED_CREDENTIALS_FILE");
	const char *profile = env("AWS_PROFILE");
	char		buf[MAXPGPATH];
	zf_s3_credentials c;
	zf_error	err;
	zf_status	st;

	if (path == NULL)
	{
		const char *home = env("HOME");
		struct passwd *pw = home ? NULL : getpwuid(geteuid());

		if (home == NULL && pw != NULL)
			home = pw->pw_dir;
		if (home == NULL)
			return;
		snprintf(buf, sizeof(buf), "%s/.aws/credentials", home);
		path = buf;
	}
	zf_error_clear(&err);
	st = zf_s3_credentials_file(path, profile ? profile : "default", &c, &err);
	if (st == ZF_EOF)
		return;
	if (st != ZF_OK)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
				 errmsg("%s", err.message)));
	cfg->access_key_id = pstrdup(c.access_key_id);
	cfg->secret_access_key = pstrdup(c.secret_access_key);
	cfg->session_token = c.session_token ? pstrdup(c.session_token) : NULL;
	zf_s3_credentials_free(&c);
}

void
zfdw_s3_config(Oid serverid, zf_s3_config *cfg)
{
	bool		path_style_given = false;
	ListCell   *lc;

	memset(cfg, 0, sizeof(*cfg));
	cfg->connect_timeout_ms = zfdw_s3_connect_timeout;
	cfg->read_timeout_ms = zfdw_s3_read_timeout;
	cfg->max_retries = zfdw_s3_max_retries;
	cfg->retry_base_ms = 100;

	if (OidIsValid(serverid))
	{
		ForeignServer *server = GetForeignServer(serverid);

		foreach(lc, server->options)
		{
			DefElem    *def = (DefElem *) lfirst(lc);

			if (strcmp(def->defname, "aws_region") == 0)
				cfg->region = defGetString(def);
			else if (strcmp(def->defname, "s3_endpoint") == 0)
				cfg->endpoint = defGetString(def);
			else if (strcmp(def->defname, "s3_url_style") == 0)
			{
				cfg->path_style = pg_strcasecmp(defGetString(def), "path") == 0;
				path_style_given = true;
			}
		}
		foreach(lc, user_mapping_options(GetUserId(), serverid))
		{
			DefElem    *def = (DefElem *) lfirst(lc);

			if (strcmp(def->defname, "aws_access_key_id") == 0)
				cfg->access_key_id = defGetString(def);
			else if (strcmp(def->defname, "aws_secret_access_key") == 0)
				cfg->secret_access_key = defGetString(def);
			else if (strcmp(def->defname, "aws_session_token") == 0)
				cfg->session_token = defGetString(def);
		}
	}
	else
	{
		/* no server: the environment's endpoint, as the AWS tools read it */
		cfg->endpoint = env("AWS_ENDPOINT_URL_S3");
		if (cfg->endpoint == NULL)
			cfg->endpoint = env("AWS_ENDPOINT_URL");
	}
	if (cfg->region == NULL)
		cfg->region = env("AWS_REGION");
	if (cfg->region == NULL)
		cfg->region = env("AWS_DEFAULT_REGION");
	/* a store of one's own is usually reached by path, AWS by host */
	if (!path_style_given)
		cfg->path_style = cfg->endpoint != NULL;

	if (cfg->access_key_id == NULL && cfg->secret_access_key == NULL &&
		!zfdw_s3_mapping_only)
	{
		cfg->access_key_id = env("AWS_ACCESS_KEY_ID");
		cfg->secret_access_key = env("AWS_SECRET_ACCESS_KEY");
		cfg->session_token = env("AWS_SESSION_TOKEN");
		if (cfg->access_key_id == NULL && cfg->secret_access_key == NULL)
			credentials_from_file(cfg);
	}
	if ((cfg->access_key_id == NULL) != (cfg->secret_access_key == NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FDW_OPTION_NAME_NOT_FOUND),
				 errmsg("S3 credentials need both aws_access_key_id and aws_secret_access_key"),
				 errhint("Give both in the user mapping, or neither.")));
}

/*
 * The sources' hook inside S3 transfers.  It returns instead of jumping:
 * the transfer is then dropped and the read fails, and whoever reports
 * that failure calls CHECK_FOR_INTERRUPTS first, so the user sees the
 * cancel or the timeout, not an I/O error.
 */
static zf_status
s3_check_interrupts(void *arg, zf_error *err)
{
	(void) arg;
	/* a cancel, a timeout or a shutdown; other interrupts (a parallel
	 * worker's message) wait for the next CHECK_FOR_INTERRUPTS */
	if (QueryCancelPending || ProcDiePending)
		return zf_error_set(err, ZF_E_IO, "canceled");
	return ZF_OK;
}

const zf_byte_hooks zfdw_s3_hooks = {s3_check_interrupts, NULL};

void
zfdw_s3_report(const zf_error *raw)
{
	zf_error	err;

	CHECK_FOR_INTERRUPTS();
	zfdw_error_prepare(raw, &err);
	if (err.sys_errno != 0)
	{
		errno = err.sys_errno;
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("%s", err.message),
				 err.detail[0] ? errdetail_internal("%s", err.detail) : 0,
				 err.hint[0] ? errhint("%s", err.hint) : 0));
	}
	ereport(ERROR,
			(errcode(err.status == ZF_E_ARG ? ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE :
					 err.status == ZF_E_NOMEM ? ERRCODE_OUT_OF_MEMORY :
					 err.status == ZF_E_LIMIT ? ERRCODE_PROGRAM_LIMIT_EXCEEDED :
					 ERRCODE_FDW_ERROR),
			 errmsg("%s", err.message),
			 err.detail[0] ? errdetail_internal("%s", err.detail) : 0,
			 err.hint[0] ? errhint("%s", err.hint) : 0));
}

/* ---- sizes of the objects of this statement ---- */

typedef struct SizeEntry
{
	char	   *url;
	Oid			serverid;
	int64		size;
} SizeEntry;

static MemoryContext size_cxt = NULL;
static List *sizes = NIL;
static TimestampTz sizes_stamp = 0;

/* The cache, emptied when a new statement began. */
static void
sizes_check(void)
{
	TimestampTz now = GetCurrentStatementStartTimestamp();

	if (size_cxt == NULL)
		size_cxt = AllocSetContextCreate(TopMemoryContext, "zfdw s3 sizes",
										 ALLOCSET_SMALL_SIZES);
	if (now != sizes_stamp)
	{
		MemoryContextReset(size_cxt);
		sizes = NIL;
		sizes_stamp = now;
	}
}

static void
sizes_add(Oid serverid, const char *url, int64 size)
{
	MemoryContext old = MemoryContextSwitchTo(size_cxt);
	SizeEntry  *e = palloc(sizeof(SizeEntry));

	e->url = pstrdup(url);
	e->serverid = serverid;
	e->size = size;
	sizes = lappend(sizes, e);
	MemoryContextSwitchTo(old);
}

List *
zfdw_s3_expand(Oid serverid, const char *pattern, bool missing_ok)
{
	zf_s3_config cfg;
	zf_s3_listing l;
	zf_error	err;
	List	   *files = NIL;

	zfdw_s3_config(serverid, &cfg);
	sizes_check();
	zf_error_clear(&err);
	if (zf_s3_list(&cfg, pattern, &zfdw_s3_hooks, NULL, &l, &err) != ZF_OK)
	{
		if (missing_ok)
		{
			CHECK_FOR_INTERRUPTS();
			return NIL;
		}
		zfdw_s3_report(&err);
	}
	for (size_t i = 0; i < l.nobjects; i++)
	{
		files = lappend(files, pstrdup(l.objects[i].key));
		sizes_add(serverid, l.objects[i].key, (int64) l.objects[i].size);
	}
	zf_s3_listing_free(&l);
	if (files == NIL && !missing_ok)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FILE),
				 errmsg("no object matches \"%s\"", pattern)));
	return files;
}

List *
zfdw_s3_list_objects(Oid serverid, const char *pattern, const char *start_after)
{
	zf_s3_config cfg;
	zf_s3_listing l;
	zf_error	err;
	List	   *objects = NIL;

	zfdw_s3_config(serverid, &cfg);
	sizes_check();
	zf_error_clear(&err);
	if (zf_s3_list_after(&cfg, pattern, start_after, &zfdw_s3_hooks, NULL,
						 &l, &err) != ZF_OK)
		zfdw_s3_report(&err);
	for (size_t i = 0; i < l.nobjects; i++)
	{
		ZfdwS3Object *o = palloc(sizeof(ZfdwS3Object));

		o->url = pstrdup(l.objects[i].key);
		o->size = (int64) l.objects[i].size;
		o->etag = l.objects[i].etag ? pstrdup(l.objects[i].etag) : NULL;
		o->last_modified = l.objects[i].last_modified ?
			pstrdup(l.objects[i].last_modified) : NULL;
		objects = lappend(objects, o);
		sizes_add(serverid, o->url, o->size);
	}
	zf_s3_listing_free(&l);
	return objects;
}

int64
zfdw_s3_size(Oid serverid, const char *url)
{
	ListCell   *lc;
	zf_byte_source *src;
	zf_error	err;
	int64		size;

	sizes_check();
	foreach(lc, sizes)
	{
		SizeEntry  *e = lfirst(lc);

		if (e->serverid == serverid && strcmp(e->url, url) == 0)
			return e->size;
	}
	src = zfdw_s3_open(serverid, url, &err);
	if (src == NULL)
		zfdw_s3_report(&err);
	size = zf_bytes_size(src);
	zf_bytes_close(src, NULL);
	sizes_add(serverid, url, size);
	return size;
}

zf_byte_source *
zfdw_s3_open(Oid serverid, const char *url, zf_error *err)
{
	zf_s3_config cfg;
	zf_byte_source *src;

	zfdw_s3_config(serverid, &cfg);
	zf_error_clear(err);
	src = zf_s3_source_open(&cfg, url, &zfdw_s3_hooks, err);
	if (src == NULL)
		CHECK_FOR_INTERRUPTS();
	return src;
}
