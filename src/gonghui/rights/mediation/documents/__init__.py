"""The 调解协议 Word template (agreement.docx) and the script that builds it (build_template)."""
