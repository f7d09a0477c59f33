#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a translatable string in POTFILES.in has no translation (missing, empty or
# fuzzy) in the catalogue of a language of po/LINGUAS, so a new Dutch text never reaches
# an English, Arabic, Turkish, Polish or Ukrainian resident in Dutch by accident; also
# when a translation does not keep the format of its msgid (msgfmt --check).
# Usage: check-translations.sh SRCDIR
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

status=0
# Every language of LINGUAS but Dutch, the source language.
for lang in $(grep -v '^#' "$srcdir/po/LINGUAS"); do
  [ "$lang" = nl ] && continue
  po="$srcdir/po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "po/$lang.po: missing (listed in po/LINGUAS)" >&2
    status=1
    continue
  fi

  msgmerge --quiet --no-fuzzy-matching "$po" "$tmp/baken.pot" -o "$tmp/$lang.po"
  msgfmt --check -o /dev/null "$tmp/$lang.po"

  missing=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry as well when there is anything to print.
  [ "$missing" -gt 0 ] && missing=$((missing - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))

  if [ "$missing" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
    echo "po/$lang.po: $missing untranslated and $fuzzy fuzzy strings:" >&2
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid ' >&2 || true
    status=1
    continue
  fi
  echo "po/$lang.po: every string is translated"
done

exit $status
