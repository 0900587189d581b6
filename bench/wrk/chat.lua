-- wrk script: POSTs one non-streaming chat completion request per call.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"mock-model","max_tokens":64,"messages":[{"role":"user","content":"Shall I compare thee to a summer day? Thou art more lovely and more temperate."}]}'
