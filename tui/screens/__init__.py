"""Screens: the chat, help, and the history picker."""
