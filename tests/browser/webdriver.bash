# webdriver.bash — a few W3C WebDriver calls over HTTP with curl, enough to
# drive headless Chromium through chromedriver from a bash test. Sourced by
# run-browser-test; needs $tmp (a scratch directory) and $browser (the
# chromium binary). JavaScript passed to wd_js/wd_wait goes into a JSON
# string as it is: keep it to single quotes and no backslashes.

wd_pid=
wd_url=
wd_session=

# wd_start — start chromedriver on a free port and open a headless session.
wd_start() {
    chromedriver --port=0 >"$tmp/chromedriver.out" 2>&1 &
    wd_pid=$!
    local port=
    for _ in $(seq 100); do
        port=$(sed -n 's/.*started successfully on port \([0-9][0-9]*\).*/\1/p' "$tmp/chromedriver.out")
        [ -n "$port" ] && break
        kill -0 "$wd_pid" 2>/dev/null || break
        sleep 0.1
    done
    [ -n "$port" ] || { echo "chromedriver did not start: $(cat "$tmp/chromedriver.out")"; return 1; }
    wd_url="http://127.0.0.1:$port"
    local caps='{"capabilities":{"alwaysMatch":{"browserName":"chrome","goog:chromeOptions":{"binary":"'"$browser"'","args":["--headless","--no-sandbox","--disable-gpu","--disable-dev-shm-usage","--no-first-run","--user-data-dir='"$tmp"'/profile-wd","--window-size=390,844"]}}}}'
    local reply
    reply=$(curl -sS --max-time 60 -H 'Content-Type: application/json' -d "$caps" "$wd_url/session")
    wd_session=$(sed -n 's/.*"sessionId":"\([^"]*\)".*/\1/p' <<<"$reply")
    [ -n "$wd_session" ] || { echo "no WebDriver session: $reply"; return 1; }
}

# wd_stop — close the session and chromedriver (safe to call twice).
wd_stop() {
    [ -n "$wd_session" ] && curl -sS --max-time 10 -X DELETE "$wd_url/session/$wd_session" >/dev/null 2>&1
    wd_session=
    [ -n "$wd_pid" ] && kill "$wd_pid" 2>/dev/null && wait "$wd_pid" 2>/dev/null
    wd_pid=
}

# wd_post PATH JSON — POST to the session; prints the reply.
wd_post() {
    curl -sS --max-time 30 -H 'Content-Type: application/json' -d "$2" "$wd_url/session/$wd_session/$1"
}

# wd_go URL — navigate and wait for the load.
wd_go() { wd_post url '{"url":"'"$1"'"}' >/dev/null; }

# wd_js EXPR — the value of a JavaScript expression, as a string.
wd_js() {
    wd_post execute/sync '{"script":"return String('"$1"');","args":[]}' |
        sed -n 's/^{"value":"\(.*\)"}$/\1/p'
}

# wd_wait COND — poll until the expression COND is true (10 s at most).
wd_wait() {
    for _ in $(seq 100); do
        [ "$(wd_js "!!($1)")" = true ] && return 0
        sleep 0.1
    done
    return 1
}

# wd_find CSS — the WebDriver id of the first element matching CSS.
wd_find() {
    local reply
    reply=$(wd_post element '{"using":"css selector","value":"'"$1"'"}')
    sed -n 's/.*"element-6066-11e4-a52e-4f735466cecf":"\([^"]*\)".*/\1/p' <<<"$reply"
}

# wd_click CSS — click the first element matching CSS as a user would (it
# must be shown and not covered); fails when there is no such element.
wd_click() {
    local id
    id=$(wd_find "$1")
    [ -n "$id" ] || return 1
    wd_post "element/$id/click" '{}' | grep -qv '"error"'
}

# wd_type CSS TEXT — clear the field, type TEXT (key events), then Enter.
wd_type() {
    local id
    id=$(wd_find "$1")
    [ -n "$id" ] || return 1
    wd_post "element/$id/clear" '{}' >/dev/null
    wd_post "element/$id/value" '{"text":"'"$2"'\uE007"}' | grep -qv '"error"'
}
