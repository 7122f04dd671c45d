#!/usr/bin/env bash
# LedgerBridge: run it locally on Payara Micro, build the WAR, or deploy it to an existing
# Payara Server with PostgreSQL. `./deploy.sh help` lists every subcommand and option.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

WAR="$ROOT/target/ledgerbridge.war"
MICRO_JAR="$ROOT/target/payara-micro.jar"
CONTEXT_ROOT="ledgerbridge"
APP_NAME="ledgerbridge"
PG_DRIVER_VERSION="${PG_DRIVER_VERSION:-42.7.8}"
MVN="${MVN:-mvn}"

# Names used on the server; server-config/postgresql-resources.asadmin uses the same ones.
POOL_NAME="ledgerbridge-pool"
JNDI_NAME="jdbc/ledgerbridge"
DB_PASSWORD_ALIAS="ledgerbridge-db-password"
# Payara's MicroProfile Config reads password aliases as config properties of the same name, so
# this alias *is* the setting ledgerbridge.admin.password, kept encrypted, never in domain.xml.
ADMIN_PASSWORD_ALIAS="ledgerbridge.admin.password"

die() { echo "deploy.sh: error: $*" >&2; exit 1; }
info() { echo "==> $*"; }
note() { echo "    $*"; }
warn() { echo "deploy.sh: warning: $*" >&2; }

usage() {
  cat <<EOF
Usage: ./deploy.sh [SUBCOMMAND] [OPTIONS]

Subcommands:
  run (default)   Build the WAR and run LedgerBridge on Payara Micro in the foreground
                  (Ctrl-C stops it). Demo mode is on unless LEDGERBRIDGE_DEMO is already set
                  in the environment or --no-demo is given.
  package         Build target/ledgerbridge.war only and print its path.
  deploy          Deploy to an existing Payara Server (6.x) through asadmin, with PostgreSQL:
                  installs the PostgreSQL JDBC driver on the server if missing, creates the
                  connection pool and jdbc/ledgerbridge (skipped if they exist), sets the
                  system properties and deploys the WAR. See server-config/README.md.
  help            Show this text.

Options for run:
  --port N              HTTP port (default 8080)
  --data DIR            Where the embedded H2 database lives (default \$LEDGERBRIDGE_DATA_DIR
                        or ./data)
  --no-build            Use the existing target/ledgerbridge.war and target/payara-micro.jar
  --no-demo             Run without demo users and demo data (sets LEDGERBRIDGE_DEMO=false);
                        give the first admin with LEDGERBRIDGE_ADMIN_USERNAME and
                        LEDGERBRIDGE_ADMIN_PASSWORD
  Also honoured: LEDGERBRIDGE_DB_URL / _DB_USER / _DB_PASSWORD (use that database instead of
  the embedded H2) and JAVA_OPTS (extra JVM options, e.g. -Xmx1g).

Options for package:
  (none)

Options for deploy:
  Payara Server administration (asadmin):
  --asadmin PATH        asadmin to use (default: \$PAYARA_HOME/bin/asadmin if PAYARA_HOME is set,
                        else asadmin on PATH)
  --host HOST           Admin host of the DAS (default localhost)
  --admin-port N        Admin port of the DAS (default 4848)
  --user NAME           Payara admin user (default admin)
  --passwordfile FILE   asadmin password file with AS_ADMIN_PASSWORD=... (omit for a domain
                        without an admin password)
  --secure              Talk to the admin port over HTTPS (secure admin enabled)
  --target NAME         Where resources, properties and the application go: server (default),
                        a cluster or a deployment group
  --http-port N         HTTP port used for the health check after deploying (default: read
                        from the server's http-listener-1; only for --target server)
  --no-restart          If the pool cannot load the PostgreSQL driver, stop and ask for a
                        restart instead of restarting the DAS once
  --no-check            Do not wait for /health/ready after deploying
  --dry-run             Print the asadmin commands instead of running them (no build)

  Database (PostgreSQL), used to create the server's connection pool:
  --db-url URL          jdbc:postgresql://HOST:PORT/DATABASE[?params]   (required unless
                        --skip-resources)
  --db-user NAME        Database user
  --db-password-file F  File whose first line is the database password (preferred)
  --db-password PW      The password itself (visible in 'ps'; prefer the file, or the
                        LEDGERBRIDGE_DB_PASSWORD environment variable)
                        Without any of these, deploy asks on a terminal, else uses no password.
  --driver-jar FILE     PostgreSQL JDBC driver jar to install on the server if it has none
                        (default: org.postgresql:postgresql:$PG_DRIVER_VERSION fetched by Maven
                        into target/server-lib/)
  --skip-resources      Do not touch driver, pool, resource, aliases or properties; only
                        (re)deploy the WAR

  First LedgerBridge admin (created at startup only while LedgerBridge has no users):
  --admin-user NAME     Sets the system property ledgerbridge.admin.username
  --admin-password-file F
                        File whose first line is that admin's password; stored as the
                        encrypted password alias ledgerbridge.admin.password (asked for on a
                        terminal if omitted)

  Common:
  --no-build            Deploy the existing target/ledgerbridge.war without building

Passwords never appear on an asadmin command line: deploy writes them to a temporary password
file (mode 600, deleted on exit) and stores them as Payara password aliases; the pool refers to
\${ALIAS=$DB_PASSWORD_ALIAS}.

Examples:
  ./deploy.sh
  ./deploy.sh run --port 8095 --data /var/tmp/lb --no-build
  ./deploy.sh deploy --asadmin /opt/payara6/bin/asadmin --passwordfile ~/.payara-admin.pw \\
      --db-url jdbc:postgresql://db.example.com:5432/ledgerbridge --db-user ledgerbridge \\
      --db-password-file ~/lb-db.pw --admin-user alice --admin-password-file ~/lb-alice.pw
  ./deploy.sh deploy --skip-resources --passwordfile ~/.payara-admin.pw   # upgrade
EOF
}

# Splits "--name=value" into "--name" "value" so both spellings work.
normalize_args() {
  NORMALIZED=()
  local arg
  for arg in "$@"; do
    if [[ "$arg" == --*=* ]]; then
      NORMALIZED+=("${arg%%=*}" "${arg#*=}")
    else
      NORMALIZED+=("$arg")
    fi
  done
}

need_value() { # option, remaining argument count
  (("$2" >= 2)) || die "$1 needs a value (see ./deploy.sh help)"
}

check_port() {
  if ! [[ "$2" =~ ^[0-9]+$ ]] || (("$2" < 1 || "$2" > 65535)); then
    die "$1 must be a port number, not '$2'"
  fi
}

first_line() { # file -> its first line, without the line break
  [[ -r "$1" ]] || die "cannot read $1"
  local line=""
  IFS= read -r line <"$1" || true
  printf '%s' "${line%$'\r'}"
}

build_war() {
  command -v "$MVN" >/dev/null 2>&1 || die "Maven ($MVN) not found; install it or use --no-build"
  info "Building the WAR ($MVN -q -DskipTests package)"
  "$MVN" -B -q -DskipTests package
  [[ -f "$WAR" ]] || die "the build did not produce $WAR"
}

# ---------------------------------------------------------------------------------------- run

cmd_run() {
  local port=8080 data="${LEDGERBRIDGE_DATA_DIR:-./data}" build=1 no_demo=0
  normalize_args "$@"
  set -- ${NORMALIZED[@]+"${NORMALIZED[@]}"}
  while (($#)); do
    case "$1" in
      --port) need_value "$1" $#; port="$2"; shift 2 ;;
      --data) need_value "$1" $#; data="$2"; shift 2 ;;
      --no-build) build=0; shift ;;
      --no-demo) no_demo=1; shift ;;
      -h | --help) usage; exit 0 ;;
      *) die "unknown option for run: $1 (see ./deploy.sh help)" ;;
    esac
  done
  check_port --port "$port"
  command -v java >/dev/null 2>&1 || die "java not found (Java 17 or later is needed)"

  if ((build)); then
    build_war
  fi
  [[ -f "$WAR" ]] || die "$WAR is missing; run without --no-build"
  [[ -f "$MICRO_JAR" ]] || die "$MICRO_JAR is missing; run without --no-build (Maven copies it)"

  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is already in use; choose another with --port"
  fi

  if ((no_demo)); then
    export LEDGERBRIDGE_DEMO=false
  else
    export LEDGERBRIDGE_DEMO="${LEDGERBRIDGE_DEMO:-true}"
  fi
  mkdir -p "$data"
  LEDGERBRIDGE_DATA_DIR="$(cd "$data" && pwd)"
  export LEDGERBRIDGE_DATA_DIR

  echo
  echo "LedgerBridge will be at  http://localhost:$port/$CONTEXT_ROOT/"
  echo "Readiness:               http://localhost:$port/health/ready"
  if [[ "$LEDGERBRIDGE_DEMO" == "true" ]]; then
    echo "Demo mode is ON (never use it with real data). Sign in as:"
    echo "  admin/admin   accountant/accountant   viewer/viewer"
    echo "  API token for integrations: demo-integration-token"
  else
    echo "Demo mode is off."
    if [[ -n "${LEDGERBRIDGE_ADMIN_USERNAME:-}" ]]; then
      echo "  First admin (created only if no users exist): $LEDGERBRIDGE_ADMIN_USERNAME"
    else
      echo "  If no users exist yet, set LEDGERBRIDGE_ADMIN_USERNAME and LEDGERBRIDGE_ADMIN_PASSWORD."
    fi
  fi
  if [[ -n "${LEDGERBRIDGE_DB_URL:-}" ]]; then
    echo "Data lives in the database LEDGERBRIDGE_DB_URL=$LEDGERBRIDGE_DB_URL"
  else
    echo "Data lives in $LEDGERBRIDGE_DATA_DIR (embedded H2; delete it to start over)"
  fi
  echo "Starting Payara Micro (about 10-20 s); Ctrl-C stops it."
  echo

  local -a java_opts=()
  if [[ -n "${JAVA_OPTS:-}" ]]; then
    read -r -a java_opts <<<"$JAVA_OPTS"
  fi
  exec java ${java_opts[@]+"${java_opts[@]}"} -jar "$MICRO_JAR" \
    --deploy "$WAR" --contextroot "$CONTEXT_ROOT" --port "$port" \
    --nohazelcast --disablephonehome
}

# ------------------------------------------------------------------------------------ package

cmd_package() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      -h | --help) usage; exit 0 ;;
      *) die "package takes no options (got $arg)" ;;
    esac
  done
  build_war
  echo "$WAR"
}

# ------------------------------------------------------------------------------------- deploy

ASADMIN=""
ASADMIN_ARGS=()
DRY_RUN=0
WORK_DIR=""
BASE_PASSWORD_FILE=""

cleanup() {
  if [[ -n "$WORK_DIR" && -d "$WORK_DIR" ]]; then
    rm -rf "$WORK_DIR"
  fi
}

# A value inside an asadmin --property list or a NAME=VALUE operand: ':' separates entries and
# '=' separates name from value, so both are escaped, as is the escape character itself.
asadmin_escape() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//:/\\:}"
  s="${s//=/\\=}"
  printf '%s' "$s"
}

# A value in an asadmin password file, which is read as a Java properties file.
properties_escape() {
  local s="$1"
  s="${s//\\/\\\\}"
  if [[ "$s" == [[:space:]]* ]]; then
    s="\\$s"
  fi
  printf '%s' "$s"
}

asadmin() {
  if ((DRY_RUN)); then
    printf 'asadmin'
    printf ' %q' "$@"
    echo
    return 0
  fi
  "$ASADMIN" "${ASADMIN_ARGS[@]}" "$@"
}

# Runs asadmin with an extra password-file entry (e.g. AS_ADMIN_ALIASPASSWORD) next to the
# admin password, so that no password is ever an argument.
asadmin_with_secret() { # KEY VALUE asadmin-args...
  local key="$1" value="$2"
  shift 2
  if ((DRY_RUN)); then
    printf 'asadmin --passwordfile <file-with-%s>' "$key"
    printf ' %q' "$@"
    echo
    return 0
  fi
  local file="$WORK_DIR/secret.pw"
  : >"$file"
  if [[ -n "$BASE_PASSWORD_FILE" ]]; then
    cat "$BASE_PASSWORD_FILE" >>"$file"
    echo >>"$file"
  fi
  printf '%s=%s\n' "$key" "$(properties_escape "$value")" >>"$file"
  local -a args=()
  local skip=0 a
  for a in "${ASADMIN_ARGS[@]}"; do # the same options, with our password file instead
    if ((skip)); then skip=0; continue; fi
    if [[ "$a" == "--passwordfile" ]]; then skip=1; continue; fi
    args+=("$a")
  done
  local rc=0
  "$ASADMIN" "${args[@]}" --passwordfile "$file" "$@" || rc=$?
  rm -f "$file"
  return "$rc"
}

# Output of a list/get command for the idempotency checks; empty in a dry run.
asadmin_list() {
  if ((DRY_RUN)); then
    return 0
  fi
  local out=""
  out="$("$ASADMIN" "${ASADMIN_ARGS[@]}" "$@" 2>/dev/null)" || true
  printf '%s\n' "$out" | sed -e 's/[[:space:]]*$//'
}

# Whether a list command prints the given line (exactly).
asadmin_lists() { # line list-command...
  local line="$1" out
  shift
  out="$(asadmin_list "$@")"
  grep -qxF -- "$line" <<<"$out"
}

set_password_alias() { # alias password
  if asadmin_lists "$1" list-password-aliases; then
    info "Updating password alias $1"
    asadmin_with_secret AS_ADMIN_ALIASPASSWORD "$2" update-password-alias "$1"
  else
    info "Creating password alias $1"
    asadmin_with_secret AS_ADMIN_ALIASPASSWORD "$2" create-password-alias "$1"
  fi
}

resolve_asadmin() {
  local given="$1"
  if [[ -n "$given" ]]; then
    ASADMIN="$given"
  elif [[ -n "${PAYARA_HOME:-}" && -x "$PAYARA_HOME/bin/asadmin" ]]; then
    ASADMIN="$PAYARA_HOME/bin/asadmin"
  elif command -v asadmin >/dev/null 2>&1; then
    ASADMIN="$(command -v asadmin)"
  elif ((DRY_RUN)); then
    ASADMIN="asadmin"
    return 0
  else
    die "asadmin not found: give --asadmin PATH, set PAYARA_HOME or put asadmin on PATH"
  fi
  if ((!DRY_RUN)); then
    [[ -x "$ASADMIN" ]] || die "$ASADMIN is not executable"
  fi
}

ensure_driver() { # driver_jar
  local driver_jar="$1" libs installed
  libs="$(asadmin_list list-libraries --type common)"
  installed="$(grep -i '^postgresql.*\.jar$' <<<"$libs" | head -1 || true)"
  if [[ -n "$installed" ]]; then
    info "PostgreSQL JDBC driver already installed on the server ($installed)"
    return 0
  fi
  if [[ -z "$driver_jar" ]]; then
    driver_jar="$ROOT/target/server-lib/postgresql-$PG_DRIVER_VERSION.jar"
    if [[ ! -f "$driver_jar" ]] && ((!DRY_RUN)); then
      command -v "$MVN" >/dev/null 2>&1 || die "Maven not found to fetch the PostgreSQL driver; give --driver-jar"
      info "Fetching org.postgresql:postgresql:$PG_DRIVER_VERSION with Maven into target/server-lib/"
      "$MVN" -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        "-Dartifact=org.postgresql:postgresql:$PG_DRIVER_VERSION" \
        -DoutputDirectory="$ROOT/target/server-lib"
    fi
  fi
  if ((!DRY_RUN)); then
    [[ -f "$driver_jar" ]] || die "driver jar $driver_jar not found"
  fi
  info "Installing the PostgreSQL JDBC driver on the server (add-library --type common)"
  asadmin add-library --type common "$driver_jar"
}

is_local_host() {
  case "$1" in
    localhost | 127.* | ::1 | "$(hostname 2>/dev/null)" | "$(hostname -f 2>/dev/null)") return 0 ;;
    *) return 1 ;;
  esac
}

# Restarts the DAS. asadmin's restart-domain works on a *local* domain by name (default domain1!)
# when the host is local, so name the domain the admin port belongs to.
restart_das() { # host
  local root
  root="$(asadmin_list __locations | head -1)"
  if is_local_host "$1"; then
    [[ -n "$root" && -d "$root" ]] ||
      die "cannot tell which local domain listens on this admin port; restart it yourself and run deploy again"
    info "Restarting the domain $(basename "$root") ($root)"
    asadmin restart-domain --domaindir "$(dirname "$root")" "$(basename "$root")"
  else
    info "Restarting the remote DAS"
    asadmin restart-domain
  fi
  local i
  for ((i = 0; i < 60; i++)); do
    if "$ASADMIN" "${ASADMIN_ARGS[@]}" uptime >/dev/null 2>&1; then
      return 0
    fi
    sleep 2
  done
  die "the domain did not come back within 2 minutes after the restart"
}

ping_pool() { # host restart
  info "Checking that the pool reaches PostgreSQL (ping-connection-pool)"
  if ((DRY_RUN)); then
    asadmin ping-connection-pool "$POOL_NAME"
    return 0
  fi
  local out rc=0
  out="$("$ASADMIN" "${ASADMIN_ARGS[@]}" ping-connection-pool "$POOL_NAME" 2>&1)" || rc=$?
  echo "$out"
  ((rc != 0)) || return 0
  if grep -qiE 'class name is wrong|classnotfound|classpath' <<<"$out"; then
    # Payara documents that new common libraries need a DAS restart (in our tests the pool saw
    # the driver at once). If the driver class is not found, restart once and try again.
    if (($2)); then
      restart_das "$1"
      asadmin ping-connection-pool "$POOL_NAME" && return 0
    fi
    die "the server cannot load the PostgreSQL driver. Check 'asadmin list-libraries', restart
the domain (and any instances), then run the same ./deploy.sh deploy command again."
  fi
  die "the pool cannot connect: check --db-url, --db-user, the password, pg_hba.conf on the
database host, and the server log. A wrong password is fixed by running deploy again with the
right one (the alias is updated); to change the URL or user, first run
  asadmin delete-jdbc-connection-pool --cascade $POOL_NAME"
}

ensure_pool() { # db_url db_user has_password
  local db_url="$1" db_user="$2" has_password="$3"
  if asadmin_lists "$POOL_NAME" list-jdbc-connection-pools; then
    info "Connection pool $POOL_NAME exists; left unchanged"
    note "(to change its URL or user: asadmin delete-jdbc-connection-pool --cascade $POOL_NAME,"
    note " then run deploy again; the password comes from the alias, updated on every run)"
    return 0
  fi
  local props
  props="URL=$(asadmin_escape "$db_url")"
  if [[ -n "$db_user" ]]; then
    props+=":user=$(asadmin_escape "$db_user")"
  fi
  if ((has_password)); then
    props+=":password=\${ALIAS=$DB_PASSWORD_ALIAS}"
  else
    props+=":password=()" # asadmin's empty value; without any password the pool refuses to connect
  fi
  info "Creating connection pool $POOL_NAME -> $db_url"
  asadmin create-jdbc-connection-pool \
    --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
    --restype javax.sql.DataSource \
    --steadypoolsize 2 --maxpoolsize 32 \
    --isconnectvalidatereq=true --validationmethod custom-validation \
    --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation \
    --failconnection=true \
    --property "$props" \
    "$POOL_NAME"
}

ensure_resource() { # target
  if asadmin_lists "$JNDI_NAME" list-jdbc-resources; then
    info "JDBC resource $JNDI_NAME exists; left unchanged"
    return 0
  fi
  info "Creating JDBC resource $JNDI_NAME"
  asadmin create-jdbc-resource --connectionpoolid "$POOL_NAME" --target "$1" "$JNDI_NAME"
}

wait_for_health() { # url
  command -v curl >/dev/null 2>&1 || { warn "curl not found; check $1 yourself"; return 0; }
  local i body="" code=""
  info "Waiting for $1"
  for ((i = 0; i < 45; i++)); do
    body="$(curl -s -m 10 -w $'\n%{http_code}' "$1" 2>/dev/null || true)"
    code="${body##*$'\n'}"
    body="${body%$'\n'*}"
    if [[ "$code" == "200" ]]; then
      note "$body"
      return 0
    fi
    sleep 2
  done
  note "HTTP ${code:-no answer}: $body"
  die "LedgerBridge is not ready; see the server log (domains/<domain>/logs/server.log)"
}

cmd_deploy() {
  local asadmin_path="" host="localhost" admin_port="4848" user="admin" passwordfile=""
  local secure=0 target="server" http_port="" restart=1 check=1 build=1 skip_resources=0
  local db_url="" db_user="" db_password="" db_password_given=0 db_password_file=""
  local driver_jar="" lb_admin_user="" lb_admin_password_file=""
  normalize_args "$@"
  set -- ${NORMALIZED[@]+"${NORMALIZED[@]}"}
  while (($#)); do
    case "$1" in
      --asadmin) need_value "$1" $#; asadmin_path="$2"; shift 2 ;;
      --host) need_value "$1" $#; host="$2"; shift 2 ;;
      --admin-port) need_value "$1" $#; admin_port="$2"; shift 2 ;;
      --user) need_value "$1" $#; user="$2"; shift 2 ;;
      --passwordfile) need_value "$1" $#; passwordfile="$2"; shift 2 ;;
      --secure) secure=1; shift ;;
      --target) need_value "$1" $#; target="$2"; shift 2 ;;
      --http-port) need_value "$1" $#; http_port="$2"; shift 2 ;;
      --no-restart) restart=0; shift ;;
      --no-check) check=0; shift ;;
      --dry-run) DRY_RUN=1; shift ;;
      --db-url) need_value "$1" $#; db_url="$2"; shift 2 ;;
      --db-user) need_value "$1" $#; db_user="$2"; shift 2 ;;
      --db-password) need_value "$1" $#; db_password="$2"; db_password_given=1; shift 2 ;;
      --db-password-file) need_value "$1" $#; db_password_file="$2"; shift 2 ;;
      --driver-jar) need_value "$1" $#; driver_jar="$2"; shift 2 ;;
      --skip-resources) skip_resources=1; shift ;;
      --admin-user) need_value "$1" $#; lb_admin_user="$2"; shift 2 ;;
      --admin-password-file) need_value "$1" $#; lb_admin_password_file="$2"; shift 2 ;;
      --no-build) build=0; shift ;;
      -h | --help) usage; exit 0 ;;
      *) die "unknown option for deploy: $1 (see ./deploy.sh help)" ;;
    esac
  done
  check_port --admin-port "$admin_port"
  [[ -z "$http_port" ]] || check_port --http-port "$http_port"
  if [[ -n "$passwordfile" ]]; then
    [[ -r "$passwordfile" ]] || die "cannot read the password file $passwordfile"
    passwordfile="$(cd "$(dirname "$passwordfile")" && pwd)/$(basename "$passwordfile")"
  fi
  if [[ -n "$driver_jar" ]]; then
    [[ -f "$driver_jar" ]] || die "driver jar $driver_jar not found"
    driver_jar="$(cd "$(dirname "$driver_jar")" && pwd)/$(basename "$driver_jar")"
  fi

  # Database password: file, then option, then environment, then a prompt on a terminal.
  local has_db_password=0
  if ((!skip_resources)); then
    [[ -n "$db_url" ]] || die "--db-url jdbc:postgresql://HOST:PORT/DATABASE is required (or --skip-resources)"
    [[ "$db_url" == jdbc:postgresql:* ]] || die "--db-url must start with jdbc:postgresql: (got $db_url)"
    if [[ -n "$db_password_file" ]]; then
      db_password="$(first_line "$db_password_file")"
      [[ -z "$db_password" ]] || has_db_password=1
    elif ((db_password_given)); then
      has_db_password=1
      warn "--db-password is visible to other users in 'ps'; prefer --db-password-file"
    elif [[ -n "${LEDGERBRIDGE_DB_PASSWORD:-}" ]]; then
      db_password="$LEDGERBRIDGE_DB_PASSWORD"
      has_db_password=1
    elif [[ -t 0 ]] && ((!DRY_RUN)); then
      read -r -s -p "PostgreSQL password for ${db_user:-the database user} (empty for none): " db_password
      echo
      [[ -z "$db_password" ]] || has_db_password=1
    fi
  fi

  # First admin's password: file, else a prompt on a terminal.
  local lb_admin_password=""
  if [[ -n "$lb_admin_user" ]] && ((!skip_resources)); then
    if [[ -n "$lb_admin_password_file" ]]; then
      lb_admin_password="$(first_line "$lb_admin_password_file")"
    elif [[ -t 0 ]] && ((!DRY_RUN)); then
      local again=""
      read -r -s -p "Password for the first LedgerBridge admin $lb_admin_user: " lb_admin_password
      echo
      read -r -s -p "Again: " again
      echo
      [[ "$lb_admin_password" == "$again" ]] || die "the passwords differ"
    elif ((!DRY_RUN)); then
      die "--admin-user needs --admin-password-file when not run on a terminal"
    fi
    # The same rules LedgerBridge applies (UserDirectory); a bad first admin fails the deployment.
    [[ "$lb_admin_user" =~ ^[A-Za-z0-9][A-Za-z0-9._@-]{1,99}$ ]] ||
      die "--admin-user: a username is 2 to 100 characters: letters, digits and . _ @ - (starting with a letter or digit)"
    if ((!DRY_RUN)) && ((${#lb_admin_password} < 10 || ${#lb_admin_password} > 200)); then
      die "the first admin's password needs 10 to 200 characters"
    fi
  elif [[ -n "$lb_admin_password_file" ]]; then
    die "--admin-password-file needs --admin-user"
  fi

  resolve_asadmin "$asadmin_path"
  ASADMIN_ARGS=(--host "$host" --port "$admin_port" --user "$user" --interactive=false)
  if ((secure)); then
    ASADMIN_ARGS+=(--secure)
  fi
  if [[ -n "$passwordfile" ]]; then
    ASADMIN_ARGS+=(--passwordfile "$passwordfile")
    BASE_PASSWORD_FILE="$passwordfile"
  fi

  if ((DRY_RUN)); then
    info "Dry run: these are the asadmin commands (each also gets ${ASADMIN_ARGS[*]})"
  else
    WORK_DIR="$(umask 077 && mktemp -d "${TMPDIR:-/tmp}/ledgerbridge-deploy.XXXXXX")"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    if ((build)); then
      build_war
    fi
    [[ -f "$WAR" ]] || die "$WAR is missing; run without --no-build"
    info "Checking the connection to the DAS at $host:$admin_port"
    "$ASADMIN" "${ASADMIN_ARGS[@]}" uptime >/dev/null ||
      die "asadmin cannot reach the domain at $host:$admin_port as $user (start it, or check --host/--admin-port/--user/--passwordfile/--secure)"
  fi

  if ((skip_resources)); then
    info "--skip-resources: leaving the driver, pool, resource and properties as they are"
  else
    ensure_driver "$driver_jar"
    if ((has_db_password)); then
      set_password_alias "$DB_PASSWORD_ALIAS" "$db_password"
    fi
    ensure_pool "$db_url" "$db_user" "$has_db_password"
    ping_pool "$host" "$restart"
    ensure_resource "$target"
    info "Setting system property ledgerbridge.db.jndi=$JNDI_NAME"
    asadmin create-system-properties --target "$target" "ledgerbridge.db.jndi=$(asadmin_escape "$JNDI_NAME")"
    if [[ -n "$lb_admin_user" ]]; then
      set_password_alias "$ADMIN_PASSWORD_ALIAS" "$lb_admin_password"
      info "Setting system property ledgerbridge.admin.username=$lb_admin_user"
      asadmin create-system-properties --target "$target" \
        "ledgerbridge.admin.username=$(asadmin_escape "$lb_admin_user")"
    fi
  fi

  info "Deploying $WAR as $APP_NAME at /$CONTEXT_ROOT (database migrations run at startup)"
  asadmin deploy --force=true --contextroot "$CONTEXT_ROOT" --name "$APP_NAME" --target "$target" "$WAR"

  if ((DRY_RUN)) || ((!check)); then
    return 0
  fi
  if [[ -z "$http_port" ]]; then
    if [[ "$target" != "server" ]]; then
      note "Check http://<instance>:<port>/health/ready on each instance of $target."
      return 0
    fi
    local got
    got="$(asadmin_list get configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.port)"
    http_port="$(sed -n 's/^.*http-listener-1\.port=//p' <<<"$got" | head -1)"
    [[ -n "$http_port" ]] || { warn "could not read the HTTP port; check /health/ready yourself"; return 0; }
  fi
  wait_for_health "http://$host:$http_port/health/ready"
  echo
  echo "LedgerBridge is at http://$host:$http_port/$CONTEXT_ROOT/"
  if [[ -n "$lb_admin_user" ]]; then
    echo "Sign in as $lb_admin_user (created now if LedgerBridge had no users yet)."
  fi
}

# --------------------------------------------------------------------------------------- main

sub="${1:-run}"
if (($#)); then shift; fi
case "$sub" in
  run) cmd_run "$@" ;;
  package) cmd_package "$@" ;;
  deploy) cmd_deploy "$@" ;;
  help | -h | --help) usage ;;
  --*) cmd_run "$sub" "$@" ;; # ./deploy.sh --port 8095 means run --port 8095
  *) echo "deploy.sh: unknown subcommand '$sub'" >&2; usage >&2; exit 2 ;;
esac
