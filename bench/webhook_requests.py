#!/usr/bin/env python3
"""Pre-signed webhooks for bench/run-webhooks, and the records they refer to.

  webhook_requests.py requests --count N --prefix P --out FILE   signed SMS and Zalo webhooks,
      one per line: path, signature header, signature, content type, body (tab-separated),
      each with its own MessageSid / msg_id (P keeps files of one run apart)
  webhook_requests.py seed --base URL --token T                   the officers and dossiers
      the dossier-code messages ask about, through the admin API

wrk's Lua cannot compute an HMAC, so the signing happens here, ahead of the load.
"""
import argparse
import base64
import hashlib
import hmac
import json
import random
import sys
import urllib.parse
import urllib.request

# The deployment bench/run-webhooks configures; the servers verify against the same secrets.
PUBLIC_BASE_URL = "https://bot.bench.invalid"
SMS_ACCOUNT_SID = "ACbench00000000000000000000000000"
SMS_AUTH_TOKEN = "bench-sms-auth-token"
SMS_TO = "+84900000000"
ZALO_APP_ID = "3482178216594085616"
ZALO_OA_ID = "2906745120393157219"
ZALO_SECRET = "bench-zalo-oa-secret"

CONTACTS_PER_CHANNEL = 20000
KNOWN_DOSSIERS = 300
UNIT = "yet-kieu"

# What citizens write, by share of messages: most ask about a procedure, then the menu and
# numbered choices, then dossier codes, then an officer. SMS is mostly without diacritics.
PROCEDURES = [
    "khai sinh", "thu tuc khai sinh can giay to gi", "lam giay khai sinh cho con mat bao lau",
    "Cho tôi hỏi thủ tục đăng ký khai sinh", "ba toi mat lam giay gi", "làm khai tử ở đâu",
    "dang ky ket hon can gi", "đăng ký kết hôn có mất phí không", "xac nhan tinh trang hon nhan",
    "chứng thực bản sao hết bao nhiêu tiền", "cong chung hop dong mua ban xe", "chung thuc chu ky",
    "nhập hộ khẩu cho con", "dang ky thuong tru nop online dc ko", "thu tuc tam tru the nao",
]
MENU = ["menu", "1", "2", "3", "xin chao", "chào ad", "quay lai", "tiep", "0", "ok cam on"]
ESCALATION = ["gap can bo", "cho tôi gặp cán bộ", "goi lai cho toi", "không ai trả lời à", "gặp người thật"]
MIX = [("procedure", 45), ("menu", 25), ("code", 20), ("escalation", 10)]


def known_code(i):
    return "H24.36-260101-%04d" % (i + 1)


def text_for(kind, rng):
    if kind == "procedure":
        return rng.choice(PROCEDURES)
    if kind == "menu":
        return rng.choice(MENU)
    if kind == "escalation":
        return rng.choice(ESCALATION)
    if rng.random() < 0.7:
        code = known_code(rng.randrange(KNOWN_DOSSIERS))
    else:  # a code the commune never issued: the "check your slip" answer
        code = "H24.36-251231-%04d" % rng.randrange(10000)
    return rng.choice(["%s", "ho so %s den dau roi", "Tra cứu hồ sơ %s", "%s xong chua"]) % code


def sms_request(sid, contact, text):
    fields = {
        "ToCountry": "VN", "SmsMessageSid": sid, "NumMedia": "0", "SmsSid": sid, "SmsStatus": "received",
        "Body": text, "To": SMS_TO, "NumSegments": "1", "MessageSid": sid, "AccountSid": SMS_ACCOUNT_SID,
        "From": contact, "ApiVersion": "2010-04-01",
    }
    signed = PUBLIC_BASE_URL + "/webhook/sms" + "".join(k + v for k, v in sorted(fields.items()))
    signature = base64.b64encode(hmac.new(SMS_AUTH_TOKEN.encode(), signed.encode(), hashlib.sha1).digest()).decode()
    body = urllib.parse.urlencode(fields)
    return ("/webhook/sms", "X-Twilio-Signature", signature, "application/x-www-form-urlencoded", body)


def zalo_request(msg_id, sender, text, timestamp):
    event = {
        "app_id": ZALO_APP_ID, "user_id_by_app": "552177279717587730", "event_name": "user_send_text",
        "timestamp": timestamp, "sender": {"id": sender}, "recipient": {"id": ZALO_OA_ID},
        "message": {"msg_id": msg_id, "text": text},
    }
    body = json.dumps(event, ensure_ascii=False, separators=(",", ":"))
    mac = hashlib.sha256((ZALO_APP_ID + body + timestamp + ZALO_SECRET).encode()).hexdigest()
    return ("/webhook/zalo", "X-ZEvent-Signature", "mac=" + mac, "application/json", body)


def write_requests(count, prefix, out, seed):
    rng = random.Random("%s-%d" % (prefix, seed))
    kinds = [k for k, share in MIX for _ in range(share)]
    timestamp = 1767225600000
    with open(out, "w", encoding="utf-8") as f:
        for n in range(count):
            text = text_for(rng.choice(kinds), rng)
            who = rng.randrange(CONTACTS_PER_CHANNEL)
            if n % 2 == 0:
                row = sms_request("SM%s%024d" % (prefix, n), "+8491%07d" % who, text)
            else:
                row = zalo_request("%s%019d" % (prefix, n), "84%017d" % who, text, str(timestamp + n))
            f.write("\t".join(row) + "\n")


def admin_put(base, token, path, document):
    req = urllib.request.Request(base + path, data=json.dumps(document).encode(), method="PUT",
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as answer:
        if answer.status // 100 != 2:
            raise SystemExit("PUT %s answered %d" % (path, answer.status))


def seed(base, token):
    admin_put(base, token, "/api/v1/officers/bench-tu-phap",
              {"name": "Trần Văn C", "title": "Công chức Tư pháp - Hộ tịch", "phone": "+84900000003",
               "unit": UNIT, "fields": ["ho_tich", "chung_thuc", "cu_tru"], "active": True})
    statuses = ["received", "processing", "need_supplement", "done"]
    for i in range(KNOWN_DOSSIERS):
        admin_put(base, token, "/api/v1/dossiers/" + known_code(i),
                  {"procedure": "khai_sinh", "unit": UNIT, "status": statuses[i % len(statuses)],
                   "received_at": "2026-01-01", "due_at": "2026-01-0%d" % (2 + i % 8),
                   "officer": "bench-tu-phap", "applicant_phone": "+8491%07d" % i})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("requests")
    r.add_argument("--count", type=int, required=True)
    r.add_argument("--prefix", required=True, help="letters and digits that make these ids unique")
    r.add_argument("--out", required=True)
    r.add_argument("--seed", type=int, default=7)
    s = sub.add_parser("seed")
    s.add_argument("--base", required=True)
    s.add_argument("--token", required=True)
    args = parser.parse_args()
    if args.command == "requests":
        if args.count <= 0 or not args.prefix.isalnum():
            sys.exit("--count must be positive and --prefix letters and digits")
        write_requests(args.count, args.prefix, args.out, args.seed)
    else:
        seed(args.base, args.token)


if __name__ == "__main__":
    main()
