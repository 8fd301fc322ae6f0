# dist.mk — installing luat-search like a Debian program (included by the
# Makefile): `make install` / `make uninstall` with PREFIX (default
# /usr/local) and DESTDIR, `make test-deb` (the .deb, built, installed
# and tried: dist/test-deb) and `make test-unit-systemd` (the service under
# a real systemd, both routes: dist/test-unit-systemd). What is installed:
#   BINDIR/luat-search                        the program
#   MANDIR/man1/luat-search.1                 its manual page (dist/luat-search.1)
#   BASHCOMPDIR/luat-search                   bash completion
#   UNITDIR/luat-search.service               the hardened systemd unit
#   SYSCONFDIR/default/luat-search            the unit's settings (kept if present)
#   DATADIR/luat-search/sample/               the sample corpus (corpus/sample)
#   /var/lib/luat-search/                     where the service's index goes (empty)
# The man page, the unit and the settings name these paths: @BINDIR@, … are
# filled in here, from the same variables.

PREFIX      ?= /usr/local
DESTDIR     ?=
BINDIR      ?= $(PREFIX)/bin
DATADIR     ?= $(PREFIX)/share
MANDIR      ?= $(DATADIR)/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
UNITDIR     ?= $(PREFIX)/lib/systemd/system
SYSCONFDIR  ?= $(if $(filter /usr,$(PREFIX)),/etc,$(PREFIX)/etc)
INSTALL     ?= install

DIST_SUBST := sed -e 's|@LS_VERSION@|$(LS_VERSION)|g' -e 's|@BINDIR@|$(BINDIR)|g' \
                  -e 's|@DATADIR@|$(DATADIR)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' \
                  -e 's|@UNITDIR@|$(UNITDIR)|g'
DIST_OUT   := $(BUILD)/dist
# the paths are part of the output: rebuild when they change
DIST_STAMP := $(DIST_OUT)/paths-$(subst /,_,$(PREFIX)$(SYSCONFDIR)$(UNITDIR)$(BINDIR)$(DATADIR))

.PHONY: install uninstall test-deb test-unit-systemd

$(DIST_STAMP):
	@mkdir -p $(DIST_OUT)
	rm -f $(DIST_OUT)/paths-*
	touch $@

$(DIST_OUT)/%: dist/% VERSION $(DIST_STAMP)
	@mkdir -p $(dir $@)
	$(DIST_SUBST) $< > $@

install: $(BIN) $(DIST_OUT)/luat-search.1 $(DIST_OUT)/luat-search.service
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
	    $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSCONFDIR)/default $(DESTDIR)$(DATADIR)/luat-search/sample \
	    $(DESTDIR)/var/lib/luat-search
	$(INSTALL) -m 755 $(BIN) $(DESTDIR)$(BINDIR)/luat-search
	$(INSTALL) -m 644 $(DIST_OUT)/luat-search.1 $(DESTDIR)$(MANDIR)/man1/luat-search.1
	$(INSTALL) -m 644 dist/luat-search.bash-completion $(DESTDIR)$(BASHCOMPDIR)/luat-search
	$(INSTALL) -m 644 $(DIST_OUT)/luat-search.service $(DESTDIR)$(UNITDIR)/luat-search.service
	[ -e $(DESTDIR)$(SYSCONFDIR)/default/luat-search ] || \
	    $(INSTALL) -m 644 dist/luat-search.default $(DESTDIR)$(SYSCONFDIR)/default/luat-search
	find corpus/sample -type f | while read -r f; do $(INSTALL) -D -m 644 "$$f" \
	    "$(DESTDIR)$(DATADIR)/luat-search/sample/$${f#corpus/sample/}" || exit 1; done

# the settings file goes only when unchanged; an index is the admin's (kept)
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/luat-search $(DESTDIR)$(MANDIR)/man1/luat-search.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/luat-search $(DESTDIR)$(UNITDIR)/luat-search.service
	! cmp -s dist/luat-search.default $(DESTDIR)$(SYSCONFDIR)/default/luat-search || \
	    rm -f $(DESTDIR)$(SYSCONFDIR)/default/luat-search
	rm -rf $(DESTDIR)$(DATADIR)/luat-search/sample
	-rmdir $(DESTDIR)$(DATADIR)/luat-search $(DESTDIR)/var/lib/luat-search 2>/dev/null

test-deb:
	@LS_DEPS_DEB=1 scripts/install-deps
	@dist/test-deb

# the unit under a real systemd (dist/systemd-box), by both routes; DEB=FILE
# tries that package instead of building one
test-unit-systemd: $(BIN)
	@LS_DEPS_DEB=1 scripts/install-deps
	@dist/test-unit-systemd $(if $(DEB),--deb $(DEB))
