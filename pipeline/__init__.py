"""German claim extraction: who said what in German news."""
