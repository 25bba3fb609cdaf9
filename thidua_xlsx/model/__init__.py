"""The values passed between the steps (campaign, books read, results, decisions): typed, pure, no file opened."""
