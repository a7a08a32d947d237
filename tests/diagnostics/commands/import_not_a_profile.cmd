# polc import: a JSON file with no defaultAction is not a profile (E0601)
import --color=never import_not_a_profile.json -o /dev/null
