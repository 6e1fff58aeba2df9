"""Corpus mode: many documents in (readers), analysed in one or many processes (runner),
written as they finish (writers), and speakers summed up across documents (speakers)."""
