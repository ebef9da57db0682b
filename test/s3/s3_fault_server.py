#!/usr/bin/python3
"""s3_fault_server.py - a small S3 server for zfdw's tests that checks
every request's SigV4 signature with botocore and injects faults.

    s3_fault_server.py --root DIR --port-file FILE --stats FILE \
        --access-key AK --secret-key SK [--bucket zfdw-fault] \
        [--store DIR --uploads FILE] [--session-token T]

Serves the files under DIR as the objects of one bucket, path style
(http://127.0.0.1:PORT/bucket/key): HEAD, GET with Range and If-Match, and
ListObjectsV2 (list-type=2, prefix, start-after, continuation-token) in pages of three
keys so that every listing is paginated.

Writes (with --store): PutObject, and the multipart upload as S3 does it
(CreateMultipartUpload, UploadPart, CompleteMultipartUpload with its XML
list of parts checked against the parts received: numbers in order,
ETags equal, every part but the last at least 5 MiB; AbortMultipartUpload).
An object written is kept in the store directory and served from there
before DIR; it exists only once completed.  Every body's SHA-256 must be
the x-amz-content-sha256 the request signed (else 400, counted as a
mismatch).  The uploads file says after every change
"open N completed N aborted N parts N puts N" (open: uploads neither
completed nor aborted, the ones a client left behind).  With
--session-token, every request must carry that x-amz-security-token.

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

Faults of writes (the object written is the key without f/<fault>/):

    part503xN    the first N UploadParts answer 503 SlowDown
    partresetxN  the first N UploadParts read half the part, then reset
                 the connection
    put503xN     the first N PutObjects answer 503 SlowDown
    completefail every CompleteMultipartUpload answers 500 InternalError
    complete200error  every CompleteMultipartUpload answers 200 with an
                 <Error> document (as S3 may once it began answering)
    createdenied CreateMultipartUpload and PutObject answer 403 AccessDenied
    stallpart    every UploadPart is read, then answered nothing for 60 s

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
import xml.etree.ElementTree as ET
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
# uploads: id -> {'key': key, 'parts': {number: (etag, bytes)}}
uploads = {}
upload_stats = {'completed': 0, 'aborted': 0, 'parts': 0, 'puts': 0}
MIN_PART = 5 * 1024 * 1024


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


def write_uploads():
    """The uploads file (call with lock held)."""
    if not ARGS.uploads:
        return
    with open(ARGS.uploads + '.tmp', 'w') as f:
        f.write('open %d completed %d aborted %d parts %d puts %d\n' %
                (len(uploads), upload_stats['completed'], upload_stats['aborted'],
                 upload_stats['parts'], upload_stats['puts']))
    os.replace(ARGS.uploads + '.tmp', ARGS.uploads)


def store_path(key):
    """Where a written object is kept, or None for a key outside the store."""
    if not ARGS.store:
        return None
    path = os.path.normpath(os.path.join(ARGS.store, key))
    if not path.startswith(os.path.abspath(ARGS.store) + os.sep):
        return None
    return path


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
        if ARGS.session_token and headers.get('x-amz-security-token') != ARGS.session_token:
            # a refusal the tests ask for: not a signature mismatch
            self.send_error_xml(403, 'InvalidToken', 'The provided token is malformed or otherwise invalid.')
            return False
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

    def do_PUT(self):
        self.handle_write()

    def do_POST(self):
        self.handle_write()

    def do_DELETE(self):
        self.handle_write()

    # ---- writes ----

    def read_body(self, limit=None):
        """The request's body (Content-Length bytes, or limit of them)."""
        n = int(self.headers.get('Content-Length', '0'))
        if limit is not None:
            n = min(n, limit)
        data = b''
        while len(data) < n:
            chunk = self.rfile.read(n - len(data))
            if not chunk:
                break
            data += chunk
        return data

    def reset(self):
        """End the connection with RST instead of FIN."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                   struct.pack('ii', 1, 0))
        self.connection.close()
        self.close_connection = True

    def send_xml(self, status, text):
        data = ('<?xml version="1.0" encoding="UTF-8"?>\n' + text).encode()
        self.send_response(status)
        self.send_header('Content-Type', 'application/xml')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def send_empty(self, status, etag=None):
        self.send_response(status)
        if etag:
            self.send_header('ETag', etag)
        self.send_header('Content-Length', '0')
        self.end_headers()

    def handle_write(self):
        parts = urllib.parse.urlsplit(self.path)
        q = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
        path = urllib.parse.unquote(parts.path)
        bucket, _, key = path.lstrip('/').partition('/')
        fault = None
        m = re.match(r'f/([^/]+)/(.+)$', key)
        if m:
            fault, key = m.group(1), m.group(2)
        counted = '%s %s %s %s' % (self.command, ','.join(sorted(q)), fault, key)

        def nth(kind):
            if fault is None:
                return False
            mm = re.match(kind + r'x(\d+)$', fault)
            return bool(mm) and bump(counted) <= int(mm.group(1))

        is_part = self.command == 'PUT' and 'partNumber' in q
        if is_part and nth('partreset'):
            self.read_body(int(self.headers.get('Content-Length', '0')) // 2)
            self.reset()
            return
        body = self.read_body()
        if not self.verify():
            return
        declared = self.headers.get('x-amz-content-sha256', '')
        if declared != 'UNSIGNED-PAYLOAD' and declared != hashlib.sha256(body).hexdigest():
            with lock:
                stats['mismatched'] += 1
            write_stats()
            self.send_error_xml(400, 'XAmzContentSHA256Mismatch',
                                "The provided 'x-amz-content-sha256' header does not match what was computed.")
            return
        target = store_path(key)
        if bucket != ARGS.bucket or target is None:
            self.send_error_xml(404, 'NoSuchBucket', 'The specified bucket does not exist')
            return
        if self.command == 'POST' and 'uploads' in q:
            if fault == 'createdenied':
                self.send_error_xml(403, 'AccessDenied', 'Access Denied')
                return
            upload_id = 'zfdw-up.%s' % os.urandom(12).hex()
            with lock:
                uploads[upload_id] = {'key': key, 'parts': {}}
                write_uploads()
            self.send_xml(200, '<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
                          '<Bucket>%s</Bucket><Key>%s</Key><UploadId>%s</UploadId>'
                          '</InitiateMultipartUploadResult>' % (bucket, escape(key), upload_id))
            return
        if 'uploadId' in q:
            upload_id = q['uploadId'][0]
            with lock:
                up = uploads.get(upload_id)
            if up is None or up['key'] != key:
                self.send_error_xml(404, 'NoSuchUpload', 'The specified upload does not exist.')
                return
            if is_part:
                if nth('part503'):
                    self.send_error_xml(503, 'SlowDown', 'Please reduce your request rate.')
                    return
                if fault == 'stallpart':
                    time.sleep(60)
                    self.close_connection = True
                    return
                number = int(q['partNumber'][0])
                etag = '"%s"' % hashlib.md5(body).hexdigest()
                with lock:
                    up['parts'][number] = (etag, body)
                    upload_stats['parts'] += 1
                    write_uploads()
                self.send_empty(200, etag)
                return
            if self.command == 'DELETE':
                with lock:
                    uploads.pop(upload_id, None)
                    upload_stats['aborted'] += 1
                    write_uploads()
                self.send_empty(204)
                return
            if self.command == 'POST':
                self.complete(upload_id, up, key, target, body, fault)
                return
        if self.command == 'PUT' and not q:
            if fault == 'createdenied':
                self.send_error_xml(403, 'AccessDenied', 'Access Denied')
                return
            if nth('put503'):
                self.send_error_xml(503, 'SlowDown', 'Please reduce your request rate.')
                return
            self.store(target, body)
            with lock:
                upload_stats['puts'] += 1
                write_uploads()
            self.send_empty(200, '"%s"' % hashlib.md5(body).hexdigest())
            return
        self.send_error_xml(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.')

    def store(self, target, data):
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target + '.tmp', 'wb') as f:
            f.write(data)
        os.replace(target + '.tmp', target)

    def complete(self, upload_id, up, key, target, body, fault):
        if fault == 'completefail':
            self.send_error_xml(500, 'InternalError', 'We encountered an internal error. Please try again.')
            return
        if fault == 'complete200error':
            self.send_xml(200, '<Error><Code>InternalError</Code><Message>We encountered an internal error. '
                          'Please try again.</Message></Error>')
            return
        try:
            root = ET.fromstring(body)
        except ET.ParseError:
            self.send_error_xml(400, 'MalformedXML', 'The XML you provided was not well-formed.')
            return
        ns = '{http://s3.amazonaws.com/doc/2006-03-01/}'
        listed = []
        for part in root.iter():
            if part.tag in ('Part', ns + 'Part'):
                number = part.find(ns + 'PartNumber')
                if number is None:
                    number = part.find('PartNumber')
                etag = part.find(ns + 'ETag')
                if etag is None:
                    etag = part.find('ETag')
                listed.append((int(number.text), etag.text))
        numbers = [n for n, _ in listed]
        if not listed or numbers != sorted(set(numbers)):
            self.send_error_xml(400, 'InvalidPartOrder', 'The list of parts was not in ascending order.')
            return
        data = []
        for i, (number, etag) in enumerate(listed):
            got = up['parts'].get(number)
            if got is None or got[0] != etag:
                self.send_error_xml(400, 'InvalidPart', 'One or more of the specified parts could not be found.')
                return
            if i < len(listed) - 1 and len(got[1]) < MIN_PART:
                self.send_error_xml(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.')
                return
            data.append(got[1])
        self.store(target, b''.join(data))
        with lock:
            uploads.pop(upload_id, None)
            upload_stats['completed'] += 1
            write_uploads()
        self.send_xml(200, '<CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
                      '<Bucket>%s</Bucket><Key>%s</Key><ETag>"%s-%d"</ETag></CompleteMultipartUploadResult>'
                      % (ARGS.bucket, escape(key), hashlib.md5(b''.join(data)).hexdigest(), len(listed)))

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
        stored = store_path(key)
        if stored is not None and os.path.isfile(stored):
            file = stored
        elif not file.startswith(os.path.abspath(ARGS.root) + os.sep):
            file = None
        if file is None or not os.path.isfile(file) or fault == 'missing':
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
    p.add_argument('--store')
    p.add_argument('--uploads')
    p.add_argument('--session-token')
    ARGS = p.parse_args()
    ARGS.root = os.path.abspath(ARGS.root)
    if ARGS.store:
        ARGS.store = os.path.abspath(ARGS.store)
        os.makedirs(ARGS.store, exist_ok=True)
    write_uploads()
    http.server.ThreadingHTTPServer.daemon_threads = True
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    write_stats()
    with open(ARGS.port_file + '.tmp', 'w') as f:
        f.write('%d\n' % srv.server_address[1])
    os.replace(ARGS.port_file + '.tmp', ARGS.port_file)
    srv.serve_forever()


if __name__ == '__main__':
    main()
