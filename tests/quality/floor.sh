# Sourced by the quality guards: holds_floor SET MEASURE VALUE PUBLISHED fails (status 1, with a
# message) when VALUE is more than 0.02 below the PUBLISHED figure of README.md.
holds_floor() {
    if awk -v f="$3" -v w="$4" 'BEGIN { exit !(f < w - 0.02) }'; then
        echo "FAIL: $1 $2 $3 is more than 0.02 below the published $4" >&2
        return 1
    fi
}
