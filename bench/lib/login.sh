# Sourced by the benchmarks that start `serve`: logins are on, so each run adds an operator of its own, the way an
# operator adds a user (a hash printed by hash-password, in the environment), with a password new to each run.
# Needs JAR. Sets BENCH_LOGIN (name:password, for curl -u) and BENCH_AUTHORIZATION (the Basic header, for wrk).
# The engine checks the password's bcrypt hash (cost 10: about 0.1 s of one core) on the first request, then
# remembers it for 5 minutes (security/RememberedPasswordChecks), as for a script's requests in production.
BENCH_USER=bench
BENCH_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
NIGHTSHIFT_SECURITY_USERS_0_PASSWORD=$(printf '%s\n' "$BENCH_PASSWORD" | java -jar "$JAR" hash-password)
export NIGHTSHIFT_SECURITY_USERS_0_NAME=$BENCH_USER NIGHTSHIFT_SECURITY_USERS_0_ROLE=operator \
       NIGHTSHIFT_SECURITY_USERS_0_PASSWORD
BENCH_LOGIN="$BENCH_USER:$BENCH_PASSWORD"
BENCH_AUTHORIZATION="Basic $(printf '%s' "$BENCH_LOGIN" | base64 -w0)"
