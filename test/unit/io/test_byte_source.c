/*-------------------------------------------------------------------------
 *
 * test_byte_source.c
 *	  Unit tests for byte sources (io/): a local file read in order and
 *	  at offsets, a pipe, a program's output, the interrupt hook, errors
 *	  as values, and a source stacked on another one, read directly and
 *	  under the record reader.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "io/byte_source.h"
#include "records/record_reader.h"

/* A scratch directory for the test's files, removed at the end. */
static char dir[64];

/* A path in the scratch directory. */
static const char *
path_of(const char *name)
{
	static char path[128];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

/* Write bytes to a file of the scratch directory; returns its path. */
static const char *
write_file(const char *name, const void *bytes, size_t n)
{
	const char *path = path_of(name);
	FILE	   *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* A file of the scratch directory holding text, opened as a source. */
static zf_byte_source *
file_source_of(const char *name, const char *text)
{
	zf_error	err;
	zf_byte_source *src;

	src = zf_file_source_open(write_file(name, text, strlen(text)), &err);
	assert_non_null(src);
	return src;
}

static int
setup(void **state)
{
	(void) state;
	snprintf(dir, sizeof(dir), "/tmp/zf_test_io_XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char		cmd[128];

	(void) state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* A file is sized and ranged, and reads in order up to a sticky end. */
static void
test_file_sequential(void **state)
{
	zf_byte_source *src = file_source_of("seq.dat", "ABCDEFGHIJ");
	zf_error	err;
	uint8_t		buf[16];
	size_t		got;

	(void) state;
	assert_int_equal(zf_bytes_caps(src), ZF_BYTES_SIZED | ZF_BYTES_RANGED);
	assert_int_equal(zf_bytes_size(src), 10);
	assert_string_equal(zf_bytes_name(src), path_of("seq.dat"));

	assert_int_equal(zf_bytes_read(src, buf, 4, &got, &err), ZF_OK);
	assert_int_equal(got, 4);
	assert_memory_equal(buf, "ABCD", 4);
	assert_int_equal(zf_bytes_position(src), 4);
	/* read_full: up to the count or the end */
	assert_int_equal(zf_bytes_read_full(src, buf, sizeof(buf), &got, &err), ZF_OK);
	assert_int_equal(got, 6);
	assert_memory_equal(buf, "EFGHIJ", 6);
	assert_int_equal(zf_bytes_read(src, buf, 4, &got, &err), ZF_EOF);
	assert_int_equal(got, 0);
	assert_int_equal(zf_bytes_read(src, buf, 4, &got, &err), ZF_EOF);
	assert_int_equal(zf_bytes_position(src), 10);
	assert_int_equal(zf_bytes_close(src, &err), ZF_OK);
}

/* Ranged reads at any offset leave the sequential position alone. */
static void
test_file_ranged(void **state)
{
	zf_byte_source *src = file_source_of("ranged.dat", "0123456789");
	zf_error	err;
	uint8_t		buf[16];
	size_t		got;

	(void) state;
	assert_int_equal(zf_bytes_read_at(src, buf, 3, 7, &got, &err), ZF_OK);
	assert_int_equal(got, 3);
	assert_memory_equal(buf, "789", 3);
	/* short at the end, ZF_EOF at and past it */
	assert_int_equal(zf_bytes_read_at_full(src, buf, 8, 5, &got, &err), ZF_OK);
	assert_int_equal(got, 5);
	assert_memory_equal(buf, "56789", 5);
	assert_int_equal(zf_bytes_read_at(src, buf, 3, 10, &got, &err), ZF_EOF);
	assert_int_equal(zf_bytes_read_at(src, buf, 3, 1000, &got, &err), ZF_EOF);
	assert_int_equal(got, 0);
	/* the sequential position is still 0 */
	assert_int_equal(zf_bytes_read(src, buf, 2, &got, &err), ZF_OK);
	assert_memory_equal(buf, "01", 2);
	zf_bytes_close(src, NULL);
}

/* The size is the one at open; the identity changes with the file. */
static void
test_file_size_and_identity(void **state)
{
	const char *path = write_file("id.dat", "abc", 3);
	zf_error	err;
	zf_byte_source *a = zf_file_source_open(path, &err);
	zf_byte_source *b = zf_file_source_open(path, &err);
	zf_byte_source *c;
	char		ida[ZF_BYTES_ID_LEN];
	char		idb[ZF_BYTES_ID_LEN];
	char		idc[ZF_BYTES_ID_LEN];
	FILE	   *f;

	(void) state;
	assert_non_null(a);
	assert_non_null(b);
	assert_true(zf_bytes_identity(a, ida));
	assert_true(zf_bytes_identity(b, idb));
	assert_string_equal(ida, idb);
	f = fopen(path, "ab");
	assert_non_null(f);
	fputs("defg", f);
	fclose(f);
	assert_int_equal(zf_bytes_size(a), 3);	/* as when opened */
	c = zf_file_source_open(path, &err);
	assert_non_null(c);
	assert_int_equal(zf_bytes_size(c), 7);
	assert_true(zf_bytes_identity(c, idc));
	assert_string_not_equal(ida, idc);
	zf_bytes_close(a, NULL);
	zf_bytes_close(b, NULL);
	zf_bytes_close(c, NULL);
}

/* What cannot be opened, or is not a regular file, is an error value. */
static void
test_file_errors(void **state)
{
	zf_error	err;
	char		fifo[128];
	char		msg[256];

	(void) state;
	zf_error_clear(&err);
	assert_null(zf_file_source_open(path_of("missing.dat"), &err));
	assert_int_equal(err.status, ZF_E_IO);
	assert_int_equal(err.sys_errno, ENOENT);
	snprintf(msg, sizeof(msg), "could not open file \"%s\" for reading: %s",
			 path_of("missing.dat"), strerror(ENOENT));
	assert_string_equal(err.message, msg);

	assert_null(zf_file_source_open(dir, &err));
	assert_int_equal(err.status, ZF_E_UNSUPPORTED);
	snprintf(msg, sizeof(msg), "\"%s\" is a directory, not a regular file", dir);
	assert_string_equal(err.message, msg);

	/* a FIFO without a writer: refused at once, not waited on */
	snprintf(fifo, sizeof(fifo), "%s", path_of("fifo"));
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_null(zf_file_source_open(fifo, &err));
	assert_int_equal(err.status, ZF_E_UNSUPPORTED);
	assert_non_null(strstr(err.message, "is a FIFO, not a regular file"));

	assert_null(zf_file_source_open("/dev/null", &err));
	assert_string_equal(err.message, "\"/dev/null\" is a device, not a regular file");
}

/* A read that fails says so with the offset and errno. */
static void
test_read_error(void **state)
{
	int			p[2];
	zf_error	err;
	zf_byte_source *src;
	uint8_t		buf[4];
	size_t		got;

	(void) state;
	assert_int_equal(pipe(p), 0);
	src = zf_fd_source_open(p[0], "broken", false, &err);
	assert_non_null(src);
	close(p[0]);				/* now every read fails with EBADF */
	close(p[1]);
	zf_error_clear(&err);
	assert_int_equal(zf_bytes_read(src, buf, 4, &got, &err), ZF_E_IO);
	assert_int_equal(err.sys_errno, EBADF);
	assert_int_equal(err.offset, 0);
	assert_non_null(strstr(err.message, "could not read pipe at byte offset 0"));
	zf_bytes_close(src, NULL);
}

/* A pipe reads in order: no size, no ranged reads. */
static void
test_pipe(void **state)
{
	int			p[2];
	zf_error	err;
	zf_byte_source *src;
	uint8_t		buf[16];
	size_t		got;

	(void) state;
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], "pipe bytes", 10), 10);
	close(p[1]);
	src = zf_fd_source_open(p[0], "a pipe", true, &err);
	assert_non_null(src);
	assert_int_equal(zf_bytes_caps(src), 0);
	assert_int_equal(zf_bytes_size(src), -1);
	assert_false(zf_bytes_identity(src, (char[ZF_BYTES_ID_LEN]) {0}));
	zf_error_clear(&err);
	assert_int_equal(zf_bytes_read_at(src, buf, 4, 0, &got, &err), ZF_E_UNSUPPORTED);
	assert_non_null(strstr(err.message, "only be read from start to end"));
	assert_int_equal(zf_bytes_read_full(src, buf, sizeof(buf), &got, &err), ZF_OK);
	assert_int_equal(got, 10);
	assert_memory_equal(buf, "pipe bytes", 10);
	assert_int_equal(zf_bytes_read(src, buf, 1, &got, &err), ZF_EOF);
	zf_bytes_close(src, NULL);	/* closes p[0]: owns_fd */
}

/* A program's standard output, and how it ended, at close. */
static void
test_program(void **state)
{
	zf_error	err;
	zf_byte_source *src;
	uint8_t		buf[64];
	size_t		got;

	(void) state;
	src = zf_program_source_open("printf 'one\\ntwo\\n'", &err);
	assert_non_null(src);
	assert_int_equal(zf_bytes_caps(src), 0);
	assert_int_equal(zf_bytes_size(src), -1);
	assert_int_equal(zf_bytes_read_full(src, buf, sizeof(buf), &got, &err), ZF_OK);
	assert_int_equal(got, 8);
	assert_memory_equal(buf, "one\ntwo\n", 8);
	assert_int_equal(zf_bytes_close(src, &err), ZF_OK);

	/* a failing program is an error when it is closed */
	src = zf_program_source_open("echo partial; exit 3", &err);
	assert_non_null(src);
	assert_int_equal(zf_bytes_read_full(src, buf, sizeof(buf), &got, &err), ZF_OK);
	assert_int_equal(got, 8);
	zf_error_clear(&err);
	assert_int_equal(zf_bytes_close(src, &err), ZF_E_IO);
	assert_string_equal(err.message, "program \"echo partial; exit 3\" failed");
	assert_string_equal(err.detail, "child process exited with exit code 3");

	src = zf_program_source_open("no_such_command_zfdw_test 2>/dev/null", &err);
	assert_non_null(src);
	assert_int_equal(zf_bytes_read(src, buf, sizeof(buf), &got, &err), ZF_EOF);
	assert_int_equal(zf_bytes_close(src, &err), ZF_E_IO);
	assert_string_equal(err.detail, "command not found");
}

/*
 * The program starts with SIGPIPE at its default even when its parent
 * ignores it (as a PostgreSQL backend does): closing the pipe early ends
 * a program that writes forever, by that signal.  That is no error: the
 * reader stopped (a LIMIT), as COPY FROM PROGRAM judges it; the same when
 * the shell reports a child killed so (exit code 141).  A program that
 * dies of SIGPIPE before its reader stopped is still an error.
 */
static void
test_program_closed_early(void **state)
{
	static const char *const commands[] = {"exec yes", "yes | cat"};
	zf_error	err;
	zf_byte_source *src;
	uint8_t		buf[16];
	size_t		got;
	void		(*old) (int) = signal(SIGPIPE, SIG_IGN);

	(void) state;
	for (int i = 0; i < 2; i++)
	{
		src = zf_program_source_open(commands[i], &err);
		assert_non_null(src);
		assert_int_equal(zf_bytes_read_full(src, buf, sizeof(buf), &got, &err), ZF_OK);
		assert_memory_equal(buf, "y\ny\n", 4);
		zf_error_clear(&err);
		assert_int_equal(zf_bytes_close(src, &err), ZF_OK);
	}

	/* killed by SIGPIPE, but all its output was read: an error */
	src = zf_program_source_open("echo last; kill -PIPE $$", &err);
	assert_non_null(src);
	while (zf_bytes_read(src, buf, sizeof(buf), &got, &err) == ZF_OK)
		;
	zf_error_clear(&err);
	assert_int_equal(zf_bytes_close(src, &err), ZF_E_IO);
	assert_non_null(strstr(err.detail, "terminated by signal 13"));
	signal(SIGPIPE, old);
}

/* The hook's state: how often it was called, and when it says stop. */
typedef struct hook_state
{
	int			calls;
	int			stop_after;
} hook_state;

static zf_status
count_and_stop(void *arg, zf_error *err)
{
	hook_state *h = (hook_state *) arg;

	if (++h->calls >= h->stop_after)
		return zf_error_set(err, ZF_E_IO, "canceled by the test");
	return ZF_OK;
}

/* A silent program: the hook is called while waiting, and can stop it. */
static void
test_program_interrupt(void **state)
{
	hook_state	h = {0, 3};
	zf_byte_hooks hooks = {count_and_stop, &h};
	zf_error	err;
	zf_byte_source *src;
	uint8_t		buf[16];
	size_t		got;
	time_t		start = time(NULL);

	(void) state;
	src = zf_program_source_open("sleep 1", &err);
	assert_non_null(src);
	zf_bytes_set_hooks(src, &hooks);
	zf_error_clear(&err);
	assert_int_equal(zf_bytes_read(src, buf, sizeof(buf), &got, &err), ZF_E_IO);
	assert_string_equal(err.message, "canceled by the test");
	assert_int_equal(h.calls, 3);
	assert_true(time(NULL) - start <= 1);
	assert_int_equal(zf_bytes_close(src, &err), ZF_OK);	/* sleep ends well */
}

/*
 * A source stacked on another: it hands out at most three bytes a read
 * and says how often it was called.  Closing it closes the file beneath.
 */
typedef struct trickle_source
{
	zf_byte_source base;
	int			reads;
	bool	   *closed;
} trickle_source;

static zf_status
trickle_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
			 zf_error *err)
{
	((trickle_source *) src)->reads++;
	return zf_bytes_read(src->inner, buf, n < 3 ? n : 3, got, err);
}

static zf_status
trickle_close(zf_byte_source *src, zf_error *err)
{
	(void) err;
	*((trickle_source *) src)->closed = true;
	return ZF_OK;
}

static const zf_byte_source_ops trickle_ops = {
	.read = trickle_read,
	.close = trickle_close,
};

/* A trickle source on a new file holding text. */
static zf_byte_source *
trickle_on(const char *name, const char *text, bool *closed)
{
	zf_error	err;
	zf_byte_source *src = zf_bytes_new(&trickle_ops, sizeof(trickle_source),
									   "trickle", &err);

	assert_non_null(src);
	src->inner = file_source_of(name, text);
	((trickle_source *) src)->closed = closed;
	return src;
}

static void
test_stacked_source(void **state)
{
	bool		closed = false;
	zf_byte_source *src = trickle_on("stacked.dat", "AAAABBBBCCCC", &closed);
	zf_byte_source *file = src->inner;
	zf_error	err;
	hook_state	h = {0, 100};
	zf_byte_hooks hooks = {count_and_stop, &h};
	uint8_t		buf[16];
	size_t		got;

	(void) state;
	/* hooks reach the source beneath */
	zf_bytes_set_hooks(src, &hooks);
	assert_ptr_equal(file->hooks.arg, &h);

	assert_int_equal(zf_bytes_caps(src), 0);
	assert_int_equal(zf_bytes_read_full(src, buf, sizeof(buf), &got, &err), ZF_OK);
	assert_int_equal(got, 12);
	assert_memory_equal(buf, "AAAABBBBCCCC", 12);
	assert_int_equal(((trickle_source *) src)->reads, 5);	/* 4 x 3 bytes, the end */
	assert_int_equal(zf_bytes_close(src, &err), ZF_OK);
	assert_true(closed);
}

/*
 * The record reader reads through a stacked source as through any: in
 * order, since the wrapper has neither size nor ranged reads.
 */
static void
test_reader_on_stacked_source(void **state)
{
	bool		closed = false;
	zf_byte_source *src = trickle_on("reader.dat", "AAAABBBBCCCC", &closed);
	zf_error	err;
	zf_reader_opts o;
	zf_reader  *r;
	zf_record	rec;
	zf_status	st;
	char		seen[16] = "";

	(void) state;
	zf_reader_opts_init(&o, ZF_RECFM_FB);
	o.lrecl = 4;
	o.range_start = 4;
	assert_null(zf_reader_open(src, &o, &err));
	assert_int_equal(err.status, ZF_E_ARG);

	o.range_start = 0;
	r = zf_reader_open(src, &o, &err);
	assert_non_null(r);
	while ((st = zf_reader_next(r, &rec, &err)) == ZF_OK)
		strncat(seen, (const char *) rec.data, rec.length);
	assert_int_equal(st, ZF_EOF);
	assert_string_equal(seen, "AAAABBBBCCCC");
	assert_true(((trickle_source *) src)->reads >= 4);
	zf_reader_close(r);
	assert_int_equal(zf_bytes_close(src, &err), ZF_OK);
	assert_true(closed);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file_sequential),
		cmocka_unit_test(test_file_ranged),
		cmocka_unit_test(test_file_size_and_identity),
		cmocka_unit_test(test_file_errors),
		cmocka_unit_test(test_read_error),
		cmocka_unit_test(test_pipe),
		cmocka_unit_test(test_program),
		cmocka_unit_test(test_program_closed_early),
		cmocka_unit_test(test_program_interrupt),
		cmocka_unit_test(test_stacked_source),
		cmocka_unit_test(test_reader_on_stacked_source),
	};

	return cmocka_run_group_tests_name("byte_source", tests, setup, teardown);
}
