#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a translatable string in POTFILES.in has no English translation (missing,
# empty or fuzzy in po/en.po), so a new Dutch text never reaches English residents in
# Dutch by accident. Usage: check-translations.sh SRCDIR
set -eu

srcdir=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

grep -v '^#' "$srcdir/po/POTFILES.in" | grep -v '^$' > "$tmp/files"
# The keywords of meson's i18n "glib" preset.
(cd "$srcdir" && xgettext --from-code=UTF-8 --add-comments --files-from="$tmp/files" \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --output="$tmp/baken.pot")

msgmerge --quiet --no-fuzzy-matching "$srcdir/po/en.po" "$tmp/baken.pot" -o "$tmp/en.po"
msgfmt --check -o /dev/null "$tmp/en.po"

missing=$(msgattrib --untranslated --no-obsolete "$tmp/en.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/en.po" | grep -c '^msgid ' || true)
# msgattrib prints the header entry as well when there is anything to print.
[ "$missing" -gt 0 ] && missing=$((missing - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))

if [ "$missing" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
  echo "po/en.po: $missing untranslated and $fuzzy fuzzy strings:" >&2
  msgattrib --untranslated --no-obsolete "$tmp/en.po" | grep '^msgid ' >&2 || true
  exit 1
fi
echo "po/en.po: every string has an English translation"
