#!/usr/bin/perl
# The reference parser's side of the classify benchmark (tests/bench/classify.ts): Sisimai
# (Debian's libsisimai-perl) over the same message files as `rebound classify`, one JSON
# line per file with each recipient's address, reason and status, as rebound prints.
# usage: perl tests/bench/sisimai-classify.pl FILE...
use strict;
use warnings;
use Sisimai;
use JSON::PP;

my $json = JSON::PP->new->canonical;
binmode STDOUT;
my @out;
for my $file (@ARGV) {
    # Sisimai 4 names it make(); 5 renamed it rise().
    my $list = Sisimai->can('rise') ? Sisimai->rise($file) : Sisimai->make($file);
    my @recipients = map { { address => $_->recipient->address, reason => $_->reason, status => $_->deliverystatus } } @{ $list || [] };
    push @out, $json->encode({ file => $file, recipients => \@recipients }) . "\n";
    if (@out >= 256) { print @out; @out = (); }
}
print @out;
