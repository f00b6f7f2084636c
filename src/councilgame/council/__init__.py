"""Council procedure: membership, instruments and the voting rule (Article 27)."""
