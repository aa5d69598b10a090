"""Bullets Word draws from the Symbol and Wingdings fonts' private-use code
points, and the characters they print as: read by the DOCX numbering and by
the PDF layout alike."""

SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0a8": "◆", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓", "\uf02d": "-"}
