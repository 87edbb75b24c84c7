"""Reads a vismooc Parquet dataset with Spark in local mode and prints the queries of docs/scale-out.md.

Run by hand, not by CI (it needs a JRE and PySpark):
    apt-get install -y default-jre-headless && pip install pyspark
    python3 bench/spark/query.py DATASET_FOLDER
"""
import sys

from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F

folder = sys.argv[1]
spark = (SparkSession.builder.master("local[*]").appName("vismooc-scale-out")
         .config("spark.sql.session.timeZone", "UTC")
         # course ids are text even when a course folder's name is all digits
         .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
         .getOrCreate())

# Every part of every run, the course partition read from the folder names (course=...).
clicks = spark.read.parquet(f"{folder}/click_events")
enrollments = spark.read.parquet(f"{folder}/enrollments")

# Events that sit in two shards' files (a log day converted by two machines) are one event:
# observed_event_id is stable, so keep one row per id.
clicks = clicks.withColumn("n", F.row_number().over(Window.partitionBy("observed_event_id").orderBy("course"))) \
               .where("n = 1").drop("n")

print("rows per table and course")
for name in ["courses", "users", "enrollments", "click_events"]:
    spark.read.parquet(f"{folder}/{name}").groupBy("course").count().orderBy("course") \
         .withColumn("table", F.lit(name)).show(truncate=False)

print("video events per course and type")
clicks.groupBy("course", "observed_event_type").count().orderBy("course", "observed_event_type").show(50, truncate=False)

print("learners who watched, per course, against enrolled learners")
watched = clicks.groupBy("course").agg(F.countDistinct("user_id").alias("watching"))
enrolled = enrollments.groupBy("course").agg(F.countDistinct("user_id").alias("enrolled"))
watched.join(enrolled, "course", "outer").orderBy("course").show(truncate=False)
spark.stop()
