#!/usr/bin/python3
"""s3_fault_server.py - a small S3 server for zfdw's tests that checks
every request's SigV4 signature with botocore and injects faults.

    s3_fault_server.py --root DIR --port-file FILE --stats FILE \
        --access-key AK --secret-key SK [--bucket zfdw-fault]

Serves the files under DIR as the objects of one bucket, path style
(http://127.0.0.1:PORT/bucket/key): HEAD, GET with Range and If-Match, and
ListObjectsV2 (list-type=2, prefix, start-after, continuation-token) in pages of three
keys so that every listing is paginated.

Every request must carry an Authorization header signed with AK/SK: the
signature is recomputed with botocore's S3SigV4Auth (an implementation
that is not zfdw's) from the request as received, and a mismatch is
answered 403 SignatureDoesNotMatch and counted.  A request signed with
another access key is answered 403 InvalidAccessKeyId (the tests' wrong
credentials), and one signed with the key zfdwbadsecret (whose secret the
tests get wrong on purpose) 403 SignatureDoesNotMatch.  The counts go to the stats file after every request:
"verified N mismatched M".

Faults are asked for in the key: f/<fault>/<key> serves <key> with the
fault applied to GETs of the object (HEAD is never faulted unless said).
A fault may end in .<tag>: the tag is ignored but counted apart, so that
two tables can see the same fault from the start:

    503xN        the first N GETs answer 503 SlowDown (S3 error XML)
    500xN        the first N GETs answer 500 InternalError
    throttlexN   the first N GETs answer 429 ... Throttling
    resetxN      the first N GETs send half the body, then reset the
                 connection
    truncxN      the first N GETs announce the whole length and send half
    shortxN      the first N GETs answer a shorter range than asked for
                 (legal: the client must ask again for the rest)
    badrangexN   the first N GETs answer another range than asked for
    always503    every GET answers 503
    head503xN    the first N HEADs answer 503
    stall        every GET sends its headers and then nothing for 60 s
    slow         every GET sends the body in 64 KiB pieces 50 ms apart
    missing      every request answers 404 NoSuchKey
    denied       every request answers 403 AccessDenied
    badxml       a listing under f/badxml/ answers malformed XML
    list503xN    the first N listings under f/list503xN/ answer 503

Listings give each object's ETag (the one HEAD and GET send) and
LastModified, as S3 does; the files are walked at every listing, so that
a file put under DIR while the server runs is listed.
"""
import argparse
import email.utils
import hashlib
import http.server
import os
import re
import socket
import struct
import sys
import threading
import time
import urllib.parse
from xml.sax.saxutils import escape

from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

PAGE = 3
AUTH_RE = re.compile(
    r'AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/s3/aws4_request, '
    r'SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$')

lock = threading.Lock()
counts = {}
stats = {'verified': 0, 'mismatched': 0}


def bump(what):
    """Count one more use of a fault; return the new count."""
    with lock:
        counts[what] = counts.get(what, 0) + 1
        return counts[what]


def write_stats():
    with lock:
        with open(ARGS.stats + '.tmp', 'w') as f:
            f.write('verified %d mismatched %d\n' %
                    (stats['verified'], stats['mismatched']))
        os.replace(ARGS.stats + '.tmp', ARGS.stats)


def object_etag(st):
    """The ETag of a file: changes with its size or mtime."""
    return '"%s"' % hashlib.md5(('%d-%d' % (st.st_size, st.st_mtime_ns)).encode()).hexdigest()


def error_xml(code, message):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>%s</Code>'
            '<Message>%s</Message></Error>' % (code, escape(message))).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, fmt, *args):
        pass

    # ---- answers ----

    def send_error_xml(self, status, code, message, body=True):
        data = error_xml(code, message)
        self.send_response(status)
        self.send_header('Content-Type', 'application/xml')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        if body and self.command != 'HEAD':
            self.wfile.write(data)

    # ---- the signature ----

    def verify(self):
        """True when the request is signed with our key; else answered."""
        auth = self.headers.get('Authorization', '')
        m = AUTH_RE.match(auth)
        if not m:
            self.send_error_xml(403, 'AccessDenied', 'no valid Authorization header')
            return False
        access, date, region, signed, sig = m.groups()
        # zfdwbadsecret: the tests' key whose secret is wrong on purpose;
        # its refusals are not counted as mismatches
        expected_bad = access == 'zfdwbadsecret'
        if access != ARGS.access_key and not expected_bad:
            self.send_error_xml(403, 'InvalidAccessKeyId',
                                'The AWS Access Key Id you provided does not exist in our records.')
            return False
        headers = {}
        for name in signed.split(';'):
            value = self.headers.get(name)
            if value is None:
                self.send_error_xml(403, 'AccessDenied', 'a signed header is missing')
                return False
            headers[name] = value
        if 'host' not in headers or 'x-amz-date' not in headers:
            self.send_error_xml(403, 'AccessDenied', 'host and x-amz-date must be signed')
            return False
        url = 'http://%s%s' % (headers['host'], self.path)
        req = AWSRequest(method=self.command, url=url, headers=headers)
        req.context['timestamp'] = headers['x-amz-date']
        token = headers.get('x-amz-security-token')
        signer = S3SigV4Auth(Credentials(ARGS.access_key, ARGS.secret_key, token),
                             's3', region)
        canonical = signer.canonical_request(req)
        expected = signer.signature(signer.string_to_sign(req, canonical), req)
        with lock:
            if expected == sig and date == headers['x-amz-date'][:8] and not expected_bad:
                stats['verified'] += 1
                ok = True
            else:
                if not expected_bad:
                    stats['mismatched'] += 1
                ok = False
        write_stats()
        if not ok:
            sys.stderr.write('signature mismatch; canonical request was:\n%s\n' % canonical)
            self.send_error_xml(403, 'SignatureDoesNotMatch',
                                'The request signature we calculated does not match the signature you provided.')
        return ok

    # ---- requests ----

    def do_HEAD(self):
        self.handle_request()

    def do_GET(self):
        self.handle_request()

    def handle_request(self):
        if not self.verify():
            return
        parts = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(parts.path)
        bucket, _, key = path.lstrip('/').partition('/')
        if bucket != ARGS.bucket:
            self.send_error_xml(404, 'NoSuchBucket', 'The specified bucket does not exist')
            return
        if key == '':
            self.list_objects(urllib.parse.parse_qs(parts.query, keep_blank_values=True))
            return
        self.get_object(key)

    def list_objects(self, q):
        if q.get('list-type') != ['2']:
            self.send_error_xml(400, 'InvalidArgument', 'only ListObjectsV2')
            return
        prefix = q.get('prefix', [''])[0]
        token = q.get('continuation-token', [''])[0]
        if prefix.startswith('f/badxml/'):
            data = b'<?xml version="1.0"?><ListBucketResult><Contents><Key>x</Key>'
            self.send_response(200)
            self.send_header('Content-Type', 'application/xml')
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        fault_prefix = ''
        m = re.match(r'(f/[^/]+/)', prefix)
        if m:
            fault_prefix = m.group(1)
            mm = re.match(r'f/list503x(\d+)/', prefix)
            if mm and not token and bump('LIST ' + fault_prefix) <= int(mm.group(1)):
                self.send_error_xml(503, 'SlowDown', 'Please reduce your request rate.')
                return
        keys = []
        for dirpath, dirnames, filenames in os.walk(ARGS.root):
            for fn in filenames:
                rel = os.path.relpath(os.path.join(dirpath, fn), ARGS.root)
                key = fault_prefix + rel.replace(os.sep, '/')
                if key.startswith(prefix):
                    try:
                        st = os.stat(os.path.join(dirpath, fn))
                    except FileNotFoundError:
                        continue  # renamed or removed during the walk
                    keys.append((key, st.st_size, object_etag(st),
                                 time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(st.st_mtime))
                                 + '.%03dZ' % (st.st_mtime_ns // 1000000 % 1000)))
        keys.sort(key=lambda k: k[0].encode())
        start_after = q.get('start-after', [''])[0]
        if start_after:
            keys = [k for k in keys if k[0].encode() > start_after.encode()]
        if token:
            keys = [k for k in keys if k[0].encode() > token.encode()]
        page, rest = keys[:PAGE], keys[PAGE:]
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
               '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">',
               '<Name>%s</Name><Prefix>%s</Prefix><KeyCount>%d</KeyCount><MaxKeys>%d</MaxKeys>'
               % (ARGS.bucket, escape(prefix), len(page), PAGE),
               '<IsTruncated>%s</IsTruncated>' % ('true' if rest else 'false')]
        if rest:
            out.append('<NextContinuationToken>%s</NextContinuationToken>'
                       % escape(page[-1][0]))
        for key, size, etag, modified in page:
            out.append('<Contents><Key>%s</Key><LastModified>%s</LastModified>'
                       '<ETag>%s</ETag><Size>%d</Size>'
                       '<StorageClass>STANDARD</StorageClass></Contents>'
                       % (escape(key), modified, escape(etag), size))
        out.append('</ListBucketResult>')
        data = ''.join(out).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'application/xml')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def get_object(self, key):
        fault = None
        m = re.match(r'f/([^/]+)/(.+)$', key)
        if m:
            fault, key = m.group(1), m.group(2)
        counted = '%s %s %s' % (self.command, fault, key)
        if fault is not None:
            fault = fault.split('.')[0]
        file = os.path.normpath(os.path.join(ARGS.root, key))
        if not file.startswith(os.path.abspath(ARGS.root) + os.sep) or not os.path.isfile(file) \
                or fault == 'missing':
            self.send_error_xml(404, 'NoSuchKey', 'The specified key does not exist.')
            return
        if fault == 'denied':
            self.send_error_xml(403, 'AccessDenied', 'Access Denied')
            return
        st = os.stat(file)
        size = st.st_size
        etag = object_etag(st)
        last_modified = email.utils.formatdate(st.st_mtime, usegmt=True)

        def nth(kind):
            """The fault kindxN applies to this request."""
            if fault is None:
                return False
            mm = re.match(kind + r'x(\d+)$', fault)
            return bool(mm) and bump(counted) <= int(mm.group(1))

        if self.command == 'HEAD':
            if nth('head503'):
                self.send_error_xml(503, 'SlowDown', 'Please reduce your request rate.')
                return
            self.send_response(200)
            self.send_header('Content-Length', str(size))
            self.send_header('ETag', etag)
            self.send_header('Last-Modified', last_modified)
            self.end_headers()
            return

        if fault == 'always503' or nth('503'):
            self.send_error_xml(503, 'SlowDown', 'Please reduce your request rate.')
            return
        if nth('500'):
            self.send_error_xml(500, 'InternalError', 'We encountered an internal error. Please try again.')
            return
        if nth('throttle'):
            self.send_error_xml(429, 'Throttling', 'Rate exceeded')
            return
        if_match = self.headers.get('If-Match')
        if if_match is not None and if_match != etag:
            self.send_error_xml(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold')
            return

        first, last = 0, size - 1
        rng = self.headers.get('Range')
        partial = False
        if rng:
            mm = re.match(r'bytes=(\d+)-(\d*)$', rng)
            if not mm:
                self.send_error_xml(400, 'InvalidArgument', 'bad Range')
                return
            first = int(mm.group(1))
            if mm.group(2):
                last = min(int(mm.group(2)), size - 1)
            if first >= size:
                self.send_error_xml(416, 'InvalidRange', 'The requested range is not satisfiable')
                return
            partial = True
        if partial and last > first and nth('short'):
            last = first + (last - first) // 2
        sent_first = first
        if partial and nth('badrange'):
            sent_first = first + 1 if first + 1 <= last else first - 1
        length = last - first + 1
        self.send_response(206 if partial else 200)
        self.send_header('Content-Length', str(length))
        if partial:
            self.send_header('Content-Range', 'bytes %d-%d/%d' % (sent_first, sent_first + length - 1, size))
        self.send_header('ETag', etag)
        self.send_header('Last-Modified', last_modified)
        self.end_headers()
        reset = nth('reset')
        trunc = not reset and nth('trunc')
        with open(file, 'rb') as f:
            f.seek(sent_first)
            left = length
            if reset or trunc:
                left = length // 2
            if fault == 'stall':
                self.wfile.flush()
                time.sleep(60)
                self.close_connection = True
                return
            while left > 0:
                chunk = f.read(min(left, 65536 if fault == 'slow' else 1 << 20))
                if not chunk:
                    break
                self.wfile.write(chunk)
                left -= len(chunk)
                if fault == 'slow':
                    self.wfile.flush()
                    time.sleep(0.05)
        self.wfile.flush()
        if reset:
            # RST instead of FIN
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack('ii', 1, 0))
            self.connection.close()
            self.close_connection = True
        elif trunc:
            self.close_connection = True


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument('--root', required=True)
    p.add_argument('--port-file', required=True)
    p.add_argument('--stats', required=True)
    p.add_argument('--access-key', required=True)
    p.add_argument('--secret-key', required=True)
    p.add_argument('--bucket', default='zfdw-fault')
    ARGS = p.parse_args()
    ARGS.root = os.path.abspath(ARGS.root)
    http.server.ThreadingHTTPServer.daemon_threads = True
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    write_stats()
    with open(ARGS.port_file + '.tmp', 'w') as f:
        f.write('%d\n' % srv.server_address[1])
    os.replace(ARGS.port_file + '.tmp', ARGS.port_file)
    srv.serve_forever()


if __name__ == '__main__':
    main()
