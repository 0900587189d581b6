-- wrk script: POSTs one streaming chat completion request per call (64 tokens, ignore_eos, usage chunk).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"mock-model","stream":true,"stream_options":{"include_usage":true},"max_tokens":64,"ignore_eos":true,"messages":[{"role":"user","content":"Shall I compare thee to a summer day? Thou art more lovely and more temperate."}]}'
